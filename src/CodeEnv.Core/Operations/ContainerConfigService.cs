using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>Container configs in the root settings: administrators add and remove them; removal never strands an env.</summary>
    public sealed class ContainerConfigService
    {
        private static readonly Regex ImageName = new Regex(@"^[a-z0-9]([a-z0-9._/:@-]*[a-zA-Z0-9_])?$", RegexOptions.CultureInvariant);

        private readonly EnvironmentService environments;
        private readonly IIdentityProvider identity;
        private readonly IClock clock;

        public ContainerConfigService(EnvironmentService environments, IIdentityProvider identity, IClock clock)
        {
            this.environments = environments;
            this.identity = identity;
            this.clock = clock;
        }

        public IReadOnlyList<ContainerConfig> Configs()
        {
            var settings = environments.Settings();
            settings.ContainerConfigs.ForEach(c => c.Root = settings.Root);
            return settings.ContainerConfigs;
        }

        public ContainerConfig Add(ContainerConfig config)
        {
            var settings = environments.Settings();
            RootService.RequireAdministrator(settings, identity.Current(), "define container configs");
            EnvironmentName.Validate(config.ConfigName);
            if (!ImageName.IsMatch(config.BaseImage))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "BaseImageInvalid", $"-BaseImage '{config.BaseImage}' is not an image reference such as python:3.12-slim or registry.example/team/python:3.12.", config.BaseImage);
            }

            if (string.IsNullOrWhiteSpace(config.PythonPath) || config.PythonPath.Any(char.IsWhiteSpace))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "PythonPathInvalid", $"-PythonPath '{config.PythonPath}' is not a path or command inside the image, such as /usr/local/bin/python3.", config.PythonPath);
            }

            RootStore.Update(
                environments.Paths,
                s =>
                {
                    if (s.FindContainerConfig(config.ConfigName) != null)
                    {
                        throw new CodeEnvException(ErrorKind.AlreadyExists, "ContainerConfigExists", $"The container config '{config.ConfigName}' already exists. Remove it first, or choose another name.", config.ConfigName);
                    }

                    s.ContainerConfigs.Add(new ContainerConfig { ConfigName = config.ConfigName, BaseImage = config.BaseImage, PythonPath = config.PythonPath, DockerfileFragment = config.DockerfileFragment });
                },
                identity.Current(),
                clock,
                TimeSpan.FromSeconds(settings.LockTimeoutSeconds),
                "New-CodeEnvContainerConfig");
            config.Root = settings.Root;
            return config;
        }

        /// <summary>Removes a config; refused while envs select it by name, unless <paramref name="force"/> drops it from them first.</summary>
        public void Remove(string configName, bool force, IOperationReporter reporter, CancellationToken cancellation)
        {
            var settings = environments.Settings();
            var caller = identity.Current();
            RootService.RequireAdministrator(settings, caller, "remove container configs");
            // The root's lock is held from the check to the removal, so no env can select the config in between
            // (selecting one takes the same lock).
            using (var rootLock = RootStore.Lock(environments.Paths, caller, clock, TimeSpan.FromSeconds(settings.LockTimeoutSeconds), "Remove-CodeEnvContainerConfig"))
            {
                settings = environments.Settings();
                var config = settings.FindContainerConfig(configName) ?? throw EnvironmentService.ContainerConfigMissing(configName, settings);
                var envs = environments.GetMany(environments.Names());
                var unreadable = envs.Where(r => r.Error != null).ToList();
                if (unreadable.Count > 0)
                {
                    throw new CodeEnvException(
                        ErrorKind.InvalidData,
                        "ContainerConfigUseUnknown",
                        $"Whether the container config '{config.ConfigName}' is in use cannot be told, since {unreadable.Count} env(s) cannot be read: {string.Join("; ", unreadable.Select(r => r.Error!.Message))}. Repair or remove them first.",
                        config.ConfigName);
                }

                var selecting = envs
                    .Where(r => r.Environment!.Definition.Containers.Mode == ContainerSelectionMode.Selected && config.Includes(r.Environment.Definition.Containers))
                    .Select(r => r.Name)
                    .ToList();
                if (selecting.Count > 0 && !force)
                {
                    throw new CodeEnvException(
                        ErrorKind.OperationFailed,
                        "ContainerConfigInUse",
                        $"The container config '{config.ConfigName}' is selected by {selecting.Count} env(s): {string.Join(", ", selecting)}. Change their selection first, or use -Force to drop the config from them.",
                        config.ConfigName);
                }

                foreach (var name in selecting)
                {
                    environments.Change(name, "Remove-CodeEnvContainerConfig", EnvironmentRight.None, d =>
                    {
                        d.Containers.Configs.RemoveAll(c => string.Equals(c, config.ConfigName, StringComparison.OrdinalIgnoreCase));
                        if (d.Containers.Configs.Count == 0)
                        {
                            d.Containers.Mode = ContainerSelectionMode.None;
                        }
                    }, reporter, cancellation);
                }

                RootStore.Update(environments.Paths, s => s.ContainerConfigs.RemoveAll(c => string.Equals(c.ConfigName, config.ConfigName, StringComparison.OrdinalIgnoreCase)), caller, clock, TimeSpan.FromSeconds(settings.LockTimeoutSeconds), "Remove-CodeEnvContainerConfig", rootLock);
            }
        }
    }
}
