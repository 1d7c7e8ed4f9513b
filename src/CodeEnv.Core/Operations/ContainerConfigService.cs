using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Containers;
using CodeEnv.Errors;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>Container configs in the root settings: administrators add and remove them; removal never strands an env.</summary>
    public sealed class ContainerConfigService : IContainerConfigService
    {
        private static readonly Regex RegistryName = new Regex(@"^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?(/[a-z0-9]+([._-][a-z0-9]+)*)*$", RegexOptions.CultureInvariant);
        private static readonly Regex ImageName = new Regex(@"^[a-z0-9]([a-z0-9._/:@-]*[a-zA-Z0-9_])?$", RegexOptions.CultureInvariant);

        private readonly EngineContext context;
        private readonly EnvironmentCatalog catalog;

        internal ContainerConfigService(EngineContext context, EnvironmentCatalog catalog)
        {
            this.context = context;
            this.catalog = catalog;
            images = new ImageBuilds(context);
        }

        private readonly ImageBuilds images;

        public Task<IReadOnlyList<ContainerImage>> BuildImagesAsync(string name, IReadOnlyList<string> configNames, bool push, bool force, string network, IProgress<OperationReport>? progress, CancellationToken cancellation)
        {
            var settings = context.Settings();
            // On a served root the build runs as the service account: only an administrator opens its network.
            if (settings.Service != null && !string.Equals(network, "none", StringComparison.Ordinal))
            {
                AccessPolicy.RequireAdministrator(settings, context.Caller, $"build images with the network '{network}'");
            }

            return images.BuildAsync(name, configNames, push, force, network, ProgressReporter.For(progress), cancellation);
        }

        public Task<IReadOnlyList<ContainerImage>> ImagesAsync(string name, CancellationToken cancellation)
        {
            var definition = context.Read(name);
            AccessPolicy.Require(definition, context.Settings(), context.Caller, EnvironmentRight.Use, "read the images of");
            return images.ListAsync(new[] { context.Info(definition) }, cancellation);
        }

        public Task<IReadOnlyList<ContainerConfig>> ConfigsAsync(CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<ContainerConfig>>(() =>
            {
                var settings = context.Settings();
                settings.ContainerConfigs.ForEach(c => c.Root = settings.Root);
                return settings.ContainerConfigs;
            }, cancellation);

        public Task<ContainerConfig> AddAsync(ContainerConfig config, CancellationToken cancellation) =>
            Task.Run<ContainerConfig>(() =>
            {
                var settings = context.Settings();
                AccessPolicy.RequireAdministrator(settings, context.Caller, "define container configs");
                EnvironmentName.Validate(config.ConfigName);
                if (!ImageName.IsMatch(config.BaseImage))
                {
                    throw new CodeEnvException(ErrorIds.BaseImageInvalid, $"-BaseImage '{config.BaseImage}' is not an image reference such as python:3.12-slim or registry.example/team/python:3.12.", config.BaseImage);
                }

                if (string.IsNullOrWhiteSpace(config.PythonPath) || config.PythonPath.Any(char.IsWhiteSpace))
                {
                    throw new CodeEnvException(ErrorIds.PythonPathInvalid, $"-PythonPath '{config.PythonPath}' is not a path or command inside the image, such as /usr/local/bin/python3.", config.PythonPath);
                }

                var additions = RuntimeAdditions.Valid(config.RuntimeAdditions ?? new List<string>());
                if (!string.IsNullOrEmpty(config.Registry) && !RegistryName.IsMatch(config.Registry))
                {
                    throw new CodeEnvException(ErrorIds.ContainerRegistryInvalid, $"-Registry '{config.Registry}' is not a registry such as registry.example:5000/team (a host, an optional port and path, no scheme).", config.Registry);
                }

                RootStore.Update(
                    context.Paths,
                    s =>
                    {
                        if (s.FindContainerConfig(config.ConfigName) != null)
                        {
                            throw new CodeEnvException(ErrorIds.ContainerConfigExists, $"The container config '{config.ConfigName}' already exists. Remove it first, or choose another name.", config.ConfigName);
                        }

                        s.ContainerConfigs.Add(new ContainerConfig
                        {
                            ConfigName = config.ConfigName,
                            BaseImage = config.BaseImage,
                            PythonPath = config.PythonPath,
                            DockerfileAtStart = config.DockerfileAtStart,
                            DockerfileBeforePackages = config.DockerfileBeforePackages,
                            DockerfileFragment = config.DockerfileFragment,
                            DockerfileAtEnd = config.DockerfileAtEnd,
                            Registry = config.Registry,
                            AllowEnvFragments = config.AllowEnvFragments,
                            RuntimeAdditions = additions,
                        });
                    },
                    context.Caller,
                    context.Clock,
                    EngineContext.LockTimeout(settings),
                    "New-CodeEnvContainerConfig");
                config.Root = settings.Root;
                config.RuntimeAdditions = additions;
                return config;
            }, cancellation);

        /// <summary>Removes a config; refused while envs select it by name, unless <paramref name="force"/> drops it from them first.</summary>
        public Task RemoveAsync(string configName, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var reporter = ProgressReporter.For(progress);
                var settings = context.Settings();
                var caller = context.Caller;
                AccessPolicy.RequireAdministrator(settings, caller, "remove container configs");
                // The root's lock is held from the check to the removal, so no env can select the config in between
                // (selecting one takes the same lock).
                using (var rootLock = context.RootLock(settings, "Remove-CodeEnvContainerConfig"))
                {
                    settings = context.Settings();
                    var config = settings.FindContainerConfig(configName) ?? throw ContainerSelections.Missing(configName, settings);
                    var envs = catalog.GetMany(context.Store.Names());
                    var unreadable = envs.Where(r => r.Error != null).ToList();
                    if (unreadable.Count > 0)
                    {
                        throw new CodeEnvException(
                            ErrorIds.ContainerConfigUseUnknown,
                            $"Whether the container config '{config.ConfigName}' is in use cannot be told, since {unreadable.Count} env(s) cannot be read: {string.Join("; ", unreadable.Select(r => r.Error!.Message))}. Repair or remove them first.",
                            config.ConfigName);
                    }

                    var selecting = envs
                        .Where(r => r.Environment!.ContainerSelection == ContainerSelectionMode.Selected && config.Includes(r.Environment))
                        .Select(r => r.Name)
                        .ToList();
                    if (selecting.Count > 0 && !force)
                    {
                        throw new CodeEnvException(
                            ErrorIds.ContainerConfigInUse,
                            $"The container config '{config.ConfigName}' is selected by {selecting.Count} env(s): {string.Join(", ", selecting)}. Change their selection first, or use -Force to drop the config from them.",
                            config.ConfigName);
                    }

                    foreach (var name in selecting)
                    {
                        context.Transaction.Apply(name, "Remove-CodeEnvContainerConfig", EnvironmentRight.Administer, (d, current, by) =>
                        {
                            d.Containers.Configs.RemoveAll(c => string.Equals(c, config.ConfigName, StringComparison.OrdinalIgnoreCase));
                            if (d.Containers.Configs.Count == 0)
                            {
                                d.Containers.Mode = ContainerSelectionMode.None;
                            }
                        }, reporter, cancellation);
                    }

                    RootStore.Update(context.Paths, s => s.ContainerConfigs.RemoveAll(c => string.Equals(c.ConfigName, config.ConfigName, StringComparison.OrdinalIgnoreCase)), caller, context.Clock, EngineContext.LockTimeout(settings), "Remove-CodeEnvContainerConfig", rootLock);
                }
            }, cancellation);
    }
}
