using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    public sealed partial class EnvironmentService
    {
        /// <summary>The envs a container config includes.</summary>
        /// <summary>The envs the config includes, and every env that cannot be read (whose inclusion cannot be told) with its error.</summary>
        public IReadOnlyList<(string Name, Environment? Environment, CodeEnvException? Error)> IncludedIn(string configName)
        {
            var settings = Settings();
            var config = settings.FindContainerConfig(configName) ?? throw ContainerConfigMissing(configName, settings);
            return GetMany(Names()).Where(r => r.Error != null || config.Includes(r.Environment!.Definition.Containers)).ToList();
        }

        internal static ContainerSelection ValidSelection(ContainerSelectionMode mode, IReadOnlyList<string> configs, RootSettings settings)
        {
            if (mode != ContainerSelectionMode.Selected && configs.Count > 0)
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "ContainerSelectionInvalid", $"-ContainerConfig names configs only with -ContainerSelection Selected (not {mode}).", mode);
            }

            var known = new List<string>();
            foreach (var name in configs)
            {
                var config = settings.FindContainerConfig(name) ?? throw ContainerConfigMissing(name, settings);
                if (!known.Contains(config.ConfigName))
                {
                    known.Add(config.ConfigName);
                }
            }

            return new ContainerSelection { Mode = mode, Configs = known };
        }

        internal static CodeEnvException ContainerConfigMissing(string name, RootSettings settings) =>
            new CodeEnvException(
                ErrorKind.NotFound,
                "ContainerConfigNotFound",
                $"There is no container config '{name}' in '{settings.Root}'. It has: {(settings.ContainerConfigs.Count == 0 ? "none" : string.Join(", ", settings.ContainerConfigs.Select(c => c.ConfigName)))}. An administrator adds one with New-CodeEnvContainerConfig.",
                name);
    }
}
