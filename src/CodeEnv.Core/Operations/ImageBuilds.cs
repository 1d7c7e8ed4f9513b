using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Containers;
using CodeEnv.Errors;
using CodeEnv.Security;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Builds (and pushes) an env's image for each container config that includes it, with the machine's container
    /// engine, as the process that runs the engine: the caller on a direct root, the service account on a served one.
    /// The engine's output goes to the env's log and Verbose; Ctrl+C stops it; each image is recorded in images.json.
    /// </summary>
    internal sealed class ImageBuilds
    {
        // The engine runs as this process's account, outside the sandbox a served root runs pip in: a rootless engine
        // needs the setuid newuidmap, which the sandbox's no-new-privileges forbids, and it isolates each build itself.
        private static readonly Python.IProcessRunner Engine = Python.SystemProcessRunner.Instance;

        private readonly EngineContext context;

        public ImageBuilds(EngineContext context)
        {
            this.context = context;
        }

        public async Task<IReadOnlyList<ContainerImage>> BuildAsync(string name, IReadOnlyList<string> configNames, bool push, bool force, string network, IOperationReporter reporter, CancellationToken cancellation)
        {
            var definition = context.Read(name);
            var settings = context.Settings();
            AccessPolicy.Require(definition, settings, context.Caller, EnvironmentRight.UpdatePackages, "build the images of");
            // An image is a new way to run the env: an archived one gets none until it is brought back.
            Archiving.RequireActive(context, definition.Name, "Update-CodeEnvImage");
            var environment = context.Info(definition);
            var configs = ConfigsFor(environment, settings, configNames);
            var installed = context.Store.ReadInstalled(environment.Name)
                ?? throw new CodeEnvException(ErrorIds.EnvironmentNeverUpdated, $"The env '{environment.Name}' has no lock yet: no update has succeeded, so there is no exact set to build an image of. Run Update-CodeEnv -Name {environment.Name} first.", environment.Name);
            var engine = ContainerEngine.Find(null, Environment.GetEnvironmentVariable("PATH"));
            settings.Root = context.Paths.Root;
            // Read once for every config's image: what each holds is recorded with it, and what it is compared with.
            var resources = ResourcesOf(context.Paths, environment);
            var images = new List<ContainerImage>();
            using (var log = new OperationLog(context.Paths.LogsFolder(environment.Name), "image", context.Clock.UtcNow, reporter, SecretRedactor.Of(context.Paths).Redact))
            {
                var recorded = ImageRecords.Read(context.Paths, environment.Name);
                foreach (var config in configs)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var current = force ? null : await CurrentImageAsync(recorded, config, installed.Revision, environment.ContainerDockerfile, environment.EnvironmentVariables, resources, engine, push, cancellation).ConfigureAwait(false);
                    if (current != null)
                    {
                        log.Line($"> {current.Reference} still reproduces the env in '{config.ConfigName}': kept (-Force builds it again)");
                        current.Status = "Current";
                        current.Root = context.Paths.Root;
                        images.Add(current);
                        continue;
                    }

                    images.Add(await BuildOneAsync(environment, installed, config, settings, resources, engine, push, network, log, reporter, cancellation).ConfigureAwait(false));
                }
            }

            return images;
        }

        /// <summary>The env's images with whether each is current; the base images' ids are asked of the engine when one is here.</summary>
        public async Task<IReadOnlyList<ContainerImage>> ListAsync(IReadOnlyList<EnvironmentInfo> environments, CancellationToken cancellation)
        {
            // Most envs have no image (Test-CodeEnv asks for every env): then nothing more is read and no engine is looked for.
            var recorded = environments.Select(e => (Environment: e, Images: ImageRecords.Read(context.Paths, e.Name))).Where(r => r.Images.Count > 0).ToList();
            if (recorded.Count == 0)
            {
                return Array.Empty<ContainerImage>();
            }

            var settings = context.Settings();
            ContainerEngine? engine = null;
            try
            {
                engine = ContainerEngine.Find(null, Environment.GetEnvironmentVariable("PATH"));
            }
            catch (CodeEnvException)
            {
                // No engine here: whether a base image moved cannot be told, the rest can.
            }

            var baseIds = new Dictionary<string, string?>(StringComparer.Ordinal);
            var listed = new List<ContainerImage>();
            foreach (var (environment, images) in recorded)
            {
                var installedRevision = context.Store.ReadInstalled(environment.Name)?.Revision ?? -1;
                var resources = ResourcesOf(context.Paths, environment);
                foreach (var image in images.OrderBy(i => i.ConfigName, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Revision))
                {
                    if (engine != null && !baseIds.ContainsKey(image.BaseImage))
                    {
                        baseIds[image.BaseImage] = await ImageIdAsync(engine, image.BaseImage, cancellation).ConfigureAwait(false);
                    }

                    var reason = ImageRecords.OutdatedReason(image, installedRevision, settings.FindContainerConfig(image.ConfigName), engine == null ? null : baseIds[image.BaseImage], environment.ContainerDockerfile, environment.EnvironmentVariables, resources);
                    image.Status = reason == null ? "Current" : "Outdated";
                    image.OutdatedReason = reason ?? "";
                    image.Root = context.Paths.Root;
                    listed.Add(image);
                }
            }

            return listed;
        }

        /// <summary>The resources folder an env's images hold (beside its venv); none for a registered venv, whose folder is not CodeEnv's.</summary>
        internal static ContextResources ResourcesOf(RootPaths paths, EnvironmentInfo environment) =>
            environment.Managed ? ContextResources.Of(paths.ResourcesFolder(environment.Name), paths.ResourcesDigestFile(environment.Name)) : ContextResources.Of(null);

        /// <summary>The recorded image of the config that still reproduces the env and is still in the engine (and pushed, when asked), or null.</summary>
        private async Task<ContainerImage?> CurrentImageAsync(IReadOnlyList<ContainerImage> recorded, ContainerConfig config, int installedRevision, DockerfileFragments environmentLines, IReadOnlyDictionary<string, string> variables, ContextResources resources, ContainerEngine engine, bool push, CancellationToken cancellation)
        {
            var image = recorded.Where(i => string.Equals(i.ConfigName, config.ConfigName, StringComparison.OrdinalIgnoreCase) && i.Revision == installedRevision).OrderBy(i => i.BuiltAt).LastOrDefault();
            if (image == null || (push && string.IsNullOrEmpty(image.Digest)))
            {
                return null;
            }

            var baseId = await ImageIdAsync(engine, image.BaseImage, cancellation).ConfigureAwait(false);
            var id = await ImageIdAsync(engine, image.Reference, cancellation).ConfigureAwait(false);
            return id == image.ImageId && ImageRecords.OutdatedReason(image, installedRevision, config, baseId, environmentLines, variables, resources) == null ? image : null;
        }

        private static List<ContainerConfig> ConfigsFor(EnvironmentInfo environment, RootSettingsDocument settings, IReadOnlyList<string> configNames)
        {
            if (configNames.Count == 0)
            {
                var including = settings.ContainerConfigs.Where(c => c.Includes(environment)).ToList();
                return including.Count > 0 ? including : throw new CodeEnvException(
                    ErrorIds.ContainerConfigNotSelected,
                    $"No container config includes the env '{environment.Name}' (its selection is {environment.ContainerSelection}), so it has no image to build. Include it with Set-CodeEnv -Name {environment.Name} -ContainerSelection Selected -ContainerConfig <config>.",
                    environment.Name);
            }

            return configNames.Select(n =>
            {
                var config = settings.FindContainerConfig(n) ?? throw ContainerSelections.Missing(n, settings);
                return config.Includes(environment) ? config : throw new CodeEnvException(
                    ErrorIds.ContainerConfigNotSelected,
                    $"The env '{environment.Name}' is not included in the container config '{config.ConfigName}' (its selection is {environment.ContainerSelection}). Include it with Set-CodeEnv -Name {environment.Name} -ContainerSelection Selected -ContainerConfig {config.ConfigName}.",
                    environment.Name);
            }).ToList();
        }

        private async Task<ContainerImage> BuildOneAsync(EnvironmentInfo environment, InstalledLock installed, ContainerConfig config, RootSettingsDocument settings, ContextResources resources, ContainerEngine engine, bool push, string network, OperationLog log, IOperationReporter reporter, CancellationToken cancellation)
        {
            if (push && string.IsNullOrWhiteSpace(config.Registry))
            {
                throw new CodeEnvException(ErrorIds.ContainerBuildFailed, $"The container config '{config.ConfigName}' names no registry to push to. Give it one (New-CodeEnvContainerConfig -Registry host:port/path), or build without -Push.", config.ConfigName);
            }

            // An image holds the venv at the env's own path; under these the engine mounts fresh file systems in every
            // container, which would hide it.
            var hidden = new[] { "/dev/", "/proc/", "/sys/" }.FirstOrDefault(p => environment.VenvPath.StartsWith(p, StringComparison.Ordinal));
            if (hidden != null)
            {
                throw new CodeEnvException(ErrorIds.ContainerBuildFailed, $"The env '{environment.Name}' lives under {hidden} ('{environment.VenvPath}'), which a container engine mounts anew in every container, so an image cannot hold its venv there. An image keeps the env's path: use a root elsewhere (Copy-CodeEnv or Export-/Import-CodeEnv into it).", environment.Name);
            }

            var reference = ImageReference.For(environment.Name, config, installed.Revision);
            var folder = Path.Combine(context.Paths.Cache, "image-builds", Guid.NewGuid().ToString("N"));
            try
            {
                var files = BuildContext.Files(environment, installed, config, settings, new PackageStore(context.Paths), resources, out var mounted, out var fromSources);
                if (fromSources.Count > 0 && string.Equals(network, "none", StringComparison.Ordinal))
                {
                    throw new CodeEnvException(
                        ErrorIds.ContainerBuildFailed,
                        $"The image of '{environment.Name}' needs {fromSources.Count} package(s) that are in neither the package store nor a local folder of the root ({string.Join(", ", fromSources.Select(p => p.Name + "==" + p.Version))}), which the build's pip would fetch from the root's package sources, but the build has no network. Publish them (Publish-CodeEnvPackage), or build with -Network host.",
                        environment.Name);
                }

                ContextFolder.Write(Path.Combine(folder, "context"), files);
                var secrets = SecretFiles(mounted, folder);
                reporter.Progress($"Building {reference}", $"with {engine.Kind}", -1);
                log.Line($"> {engine.Kind} builds {reference} for the container config '{config.ConfigName}' (network: {network})");
                var lines = new List<string>();
                var result = await Engine.RunAsync(engine.Path, engine.Build(Path.Combine(folder, "context"), reference, network, secrets), line => { lines.Add(line); log.Line(line); }, cancellation, onErrorLine: line => { lines.Add(line); log.Line(line); }).ConfigureAwait(false);
                if (result.ExitCode != 0)
                {
                    throw BuildFailure(environment.Name, config.ConfigName, engine.Kind, result.ExitCode, lines.Select(log.Shown).ToList());
                }

                var image = new ContainerImage
                {
                    EnvironmentName = environment.Name,
                    ConfigName = config.ConfigName,
                    Revision = installed.Revision,
                    Reference = reference,
                    ImageId = await ImageIdAsync(engine, reference, cancellation).ConfigureAwait(false) ?? "",
                    BaseImage = config.BaseImage,
                    BaseImageId = await ImageIdAsync(engine, config.BaseImage, cancellation).ConfigureAwait(false) ?? "",
                    ConfigSha256 = ConfigFingerprint.Of(config, environment.ContainerDockerfile, environment.EnvironmentVariables),
                    ResourcesSha256 = resources.Digest(),
                    ResourcesStamp = resources.Stamp,
                    Engine = engine.Kind,
                    BuiltAt = context.Clock.UtcNow,
                    BuiltBy = context.Caller.UserName,
                    Status = "Current",
                    Root = context.Paths.Root,
                };
                if (push)
                {
                    image.Digest = await PushAsync(engine, reference, folder, log, cancellation).ConfigureAwait(false);
                }

                ImageRecords.Record(context.Paths, environment.Name, image);
                log.Line($"> built {reference} ({image.ImageId}){(push ? $", pushed as {image.Digest}" : "")}");
                return image;
            }
            finally
            {
                Trash.Empty(folder);
            }
        }

        /// <summary>The sources a Dockerfile mounts as secrets, each whole URL in a file of its own beside the context (never in it).</summary>
        private List<(string Id, string File)> SecretFiles(IReadOnlyList<(string Id, string Url)> mounted, string folder)
        {
            var kept = SourceSecrets.KeptUrls(context.Paths).ToList();
            return mounted.Select(secret =>
            {
                var file = Path.Combine(folder, secret.Id + ".txt");
                AtomicFile.WriteAllText(file, kept.FirstOrDefault(u => SourceSecrets.Redact(u) == secret.Url) ?? secret.Url, unixMode: Convert.ToInt32("600", 8));
                return (secret.Id, file);
            }).ToList();
        }

        private async Task<string> PushAsync(ContainerEngine engine, string reference, string folder, OperationLog log, CancellationToken cancellation)
        {
            var digestFile = Path.Combine(folder, "digest");
            log.Line($"> {engine.Kind} pushes {reference}");
            var lines = new List<string>();
            var result = await Engine.RunAsync(engine.Path, engine.Push(reference, digestFile), line => { lines.Add(line); log.Line(line); }, cancellation, onErrorLine: line => { lines.Add(line); log.Line(line); }).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                throw new CodeEnvException(ErrorIds.ContainerBuildFailed, $"{engine.Kind} could not push {reference} (exit code {result.ExitCode}): {string.Join(" ", lines.Select(log.Shown).Reverse().Take(3).Reverse())}. Check that the registry is reachable and that this account may push to it ({engine.Kind} login).", reference);
            }

            if (File.Exists(digestFile))
            {
                return File.ReadAllText(digestFile).Trim();
            }

            // docker prints "<tag>: digest: sha256:... size: N" instead of writing a file.
            var printed = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"digest: (sha256:[0-9a-f]{64})")).FirstOrDefault(m => m.Success);
            return printed?.Groups[1].Value ?? "";
        }

        private async Task<string?> ImageIdAsync(ContainerEngine engine, string reference, CancellationToken cancellation)
        {
            var output = new List<string>();
            var result = await Engine.RunAsync(engine.Path, engine.ImageId(reference), output.Add, cancellation).ConfigureAwait(false);
            var id = output.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l))?.Trim();
            return result.ExitCode == 0 && id != null ? (id.StartsWith("sha256:", StringComparison.Ordinal) ? id : "sha256:" + id) : null;
        }

        private static readonly System.Text.RegularExpressions.Regex PythonMismatch = new System.Text.RegularExpressions.Regex(@"CodeEnv: t(he base image \S+ has Python \d+\.\d+ at .*)$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        // Rootless podman maps an image's users into the account's subordinate ids; an account with none (useradd --system
        // gives none) fails on the first layer that holds a file of another user.
        private static readonly string[] NoSubordinateIds = { "no subuid ranges found for user", "insufficient UIDs or GIDs available in user namespace" };

        internal static CodeEnvException BuildFailure(string environmentName, string configName, string engineKind, int exitCode, IReadOnlyList<string> lines)
        {
            if (lines.Any(l => NoSubordinateIds.Any(n => l.Contains(n, StringComparison.Ordinal))))
            {
                var account = System.Environment.UserName;
                return new CodeEnvException(
                    ErrorIds.ContainerBuildFailed,
                    $"{engineKind} runs rootless as '{account}', which has no subordinate user and group ids (/etc/subuid, /etc/subgid) to map the image's files to, so it could not build the image of '{environmentName}'. " +
                    $"Give the account a range no other account has, as root: 'usermod --add-subuids 100000-165535 --add-subgids 100000-165535 {account}' (deploy/install.sh gives the service account one), then 'podman system migrate' as '{account}', and build again.",
                    environmentName);
            }

            // The Dockerfile's own check names both Python versions in one line; that line is the error.
            // (The engine also echoes the RUN line, which holds the same words around the unformatted version.)
            var mismatch = lines.Select(l => PythonMismatch.Match(l)).LastOrDefault(m => m.Success);
            if (mismatch != null)
            {
                return new CodeEnvException(ErrorIds.ContainerPythonMismatch, "T" + mismatch.Groups[1].Value.TrimEnd(), configName);
            }

            var tail = string.Join("\n", lines.Where(l => !string.IsNullOrWhiteSpace(l)).Reverse().Take(8).Reverse());
            return new CodeEnvException(
                ErrorIds.ContainerBuildFailed,
                $"{engineKind} could not build the image of '{environmentName}' for the container config '{configName}' (exit code {exitCode}). Its last lines:\n{tail}\nThe whole output is in the env's log (Get-CodeEnvLog -Name {environmentName}).",
                environmentName);
        }
    }
}
