using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Containers
{
    /// <summary>Which image runs an env's python for a container config: its current one, never one that no longer reproduces the env.</summary>
    public static class ImageToRun
    {
        public static ContainerImage Of(EnvironmentInfo environment, string configName, IReadOnlyList<ContainerImage> images)
        {
            var ofConfig = images.Where(i => string.Equals(i.ConfigName, configName, StringComparison.OrdinalIgnoreCase)).OrderBy(i => i.BuiltAt).ToList();
            var current = ofConfig.LastOrDefault(i => i.Status == "Current");
            if (current != null)
            {
                return current;
            }

            var newest = ofConfig.LastOrDefault();
            throw new CodeEnvException(
                ErrorIds.ContainerImageNotBuilt,
                newest == null
                    ? $"The env '{environment.Name}' has no image for the container config '{configName}' yet. Build it with Update-CodeEnvImage -Name {environment.Name} -ContainerConfig {configName}."
                    : $"The image of '{environment.Name}' for the container config '{configName}' ({newest.Reference}) no longer reproduces the env: {newest.OutdatedReason}. Build it again with Update-CodeEnvImage -Name {environment.Name} -ContainerConfig {configName}.",
                environment.Name);
        }
    }
}
