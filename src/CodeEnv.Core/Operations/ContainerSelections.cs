using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Operations
{
    /// <summary>The rules of an env's container selection: configs are named only with Selected, and each must exist.</summary>
    internal static class ContainerSelections
    {
        public static ContainerSelection Valid(ContainerSelectionMode mode, IReadOnlyList<string> configs, RootSettingsDocument settings)
        {
            if (mode != ContainerSelectionMode.Selected && configs.Count > 0)
            {
                throw new CodeEnvException(ErrorIds.ContainerSelectionInvalid, $"-ContainerConfig names configs only with -ContainerSelection Selected (not {mode}).", mode);
            }

            var known = new List<string>();
            foreach (var name in configs)
            {
                var config = settings.FindContainerConfig(name) ?? throw Missing(name, settings);
                if (!known.Contains(config.ConfigName))
                {
                    known.Add(config.ConfigName);
                }
            }

            return new ContainerSelection { Mode = mode, Configs = known };
        }

        public static CodeEnvException Missing(string name, RootSettingsDocument settings) =>
            new CodeEnvException(
                ErrorIds.ContainerConfigNotFound,
                $"There is no container config '{name}' in '{settings.Root}'. It has: {(settings.ContainerConfigs.Count == 0 ? "none" : string.Join(", ", settings.ContainerConfigs.Select(c => c.ConfigName)))}. An administrator adds one with New-CodeEnvContainerConfig.",
                name);
    }
}
