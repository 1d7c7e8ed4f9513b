using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Containers
{
    /// <summary>
    /// A container build context that reproduces an env from its lock: a Dockerfile (the config's base image, its Python
    /// checked against the env's minor version, a venv at the env's own path with the env's pip, setuptools and wheel,
    /// then exactly the locked set with pip --no-deps, hash-checked where every archive is here), the lock, the archives
    /// (<see cref="ContextWheels"/>) and a README. With every archive in the context the image needs no package source.
    /// The env's resources folder (<see cref="ContextResources"/>) goes in too, copied to its own path in the image after
    /// the packages, with CODEENV_RESOURCES naming it, so code that reads its resources runs in the image as on the host.
    /// </summary>
    internal static class BuildContext
    {
        public const string LockFileName = "requirements.lock";
        public const string WheelsFolder = "wheels";
        public const string ResourcesFolder = "resources";

        /// <summary>The context's entries, in the order they are written: the lock, the wheels/ folder and its archives, the resources/ folder and its files, the Dockerfile and the README.</summary>
        public static IReadOnlyList<ContextFile> Files(EnvironmentInfo environment, InstalledLock installed, ContainerConfig config, RootSettingsDocument settings, PackageStore store, ContextResources resources) =>
            Files(environment, installed, config, settings, store, resources, out _, out _);

        /// <param name="secrets">The BuildKit secrets the Dockerfile mounts: each id with its source's URL, credentials taken out.</param>
        /// <param name="fromSources">The locked distributions with no archive in the context, which the image's pip fetches from the root's sources.</param>
        /// <param name="resources">The env's resources, read once by the caller (which also records their digest with the image).</param>
        public static IReadOnlyList<ContextFile> Files(EnvironmentInfo environment, InstalledLock installed, ContainerConfig config, RootSettingsDocument settings, PackageStore store, ContextResources resources, out IReadOnlyList<(string Id, string Url)> secrets, out IReadOnlyList<LockedPackage> fromSources)
        {
            resources.RequireCopyable(environment.Name);
            var wheels = ContextWheels.For(installed, store, settings);
            if (wheels.ToolingUnfound.Count > 0)
            {
                var missing = string.Join(", ", wheels.ToolingUnfound.Select(p => $"{p.Name} {p.Version}"));
                throw new CodeEnvException(
                    ErrorIds.ContainerToolingUnavailable,
                    $"The image of '{environment.Name}' would not reproduce its venv's own tooling: no wheel of {missing} is in the package store, the interpreter's ensurepip bundle, /usr/share/python-wheels, the wheelhouse or a local find-links folder. Publish the wheel(s) with Publish-CodeEnvPackage, then export again.",
                    environment.Name);
            }

            fromSources = wheels.Unfound;
            var hashed = wheels.Unfound.Count == 0;
            var utf8 = new UTF8Encoding(false);
            var lockLines = wheels.Packages.Select(p => LockPins.Line(p.Package) + (hashed ? " --hash=sha256:" + p.Sha256 : ""))
                .Concat(wheels.Unfound.Select(LockPins.Line))
                .OrderBy(l => l, StringComparer.Ordinal)
                .ToList();
            var files = new List<ContextFile>
            {
                new ContextFile { RelativePath = LockFileName, Content = utf8.GetBytes(string.Concat(lockLines.Select(l => l + "\n"))) },
                new ContextFile { RelativePath = WheelsFolder, IsFolder = true },
            };
            var copied = new HashSet<string>(StringComparer.Ordinal);
            foreach (var archive in wheels.Tooling.Select(t => t.Path).Concat(wheels.Packages.Select(p => p.Path)))
            {
                if (copied.Add(Path.GetFileName(archive)))
                {
                    files.Add(new ContextFile { RelativePath = WheelsFolder + "/" + Path.GetFileName(archive), Content = File.ReadAllBytes(archive) });
                }
            }

            if (resources.Folder != null)
            {
                // Always the folder, empty when the env has no resources: CODEENV_RESOURCES then names a folder that exists.
                files.Add(new ContextFile { RelativePath = ResourcesFolder, IsFolder = true });
                files.AddRange(resources.Folders.Select(f => new ContextFile { RelativePath = ResourcesFolder + "/" + f, IsFolder = true }));
                files.AddRange(resources.Files.Select(f => new ContextFile { RelativePath = ResourcesFolder + "/" + f.RelativePath, Content = File.ReadAllBytes(f.FullPath), Executable = f.Executable }));
            }

            var image = ImageReference.For(environment.Name, config, installed.Revision);
            files.Add(new ContextFile { RelativePath = "Dockerfile", Content = utf8.GetBytes(Dockerfile(environment, installed, config, settings, wheels, resources.Folder, out var mounted)) });
            secrets = mounted;
            var secretFlags = string.Concat(mounted.Select(s => $" --secret id={s.Id},src=./{s.Id}.txt"));
            var secretText = mounted.Count == 0 ? ""
                : "The package sources need credentials, which this folder does not hold. Put each source's whole URL, credentials "
                  + "included, in a file of its own, pass it as a BuildKit secret (it never reaches the image or its history), "
                  + "and delete the files afterwards:\n\n"
                  + string.Concat(mounted.Select(s => $"- `{s.Id}.txt`: {s.Url}\n")) + "\n";
            var sourcesText = hashed
                ? $"Every archive is in {WheelsFolder}/ and checked against its sha256: the build needs no package source and no network.\n"
                : $"{wheels.Unfound.Count} package(s) have no archive here ({string.Join(", ", wheels.Unfound.Select(LockPins.Line))}): the image's pip fetches them from the root's package sources, which the build must reach.\n";
            files.Add(new ContextFile
            {
                RelativePath = "README.md",
                Content = utf8.GetBytes(
                    $"# {environment.Name} in {config.BaseImage}\n\n{secretText}Build it with:\n\n    docker build{secretFlags} -t {image} .\n\n"
                    + $"The image has Python {installed.Python.Version}'s venv at {environment.VenvPath} with exactly the {lockLines.Count} packages of {LockFileName} "
                    + $"and the venv's own {string.Join(", ", wheels.Tooling.Select(t => LockPins.Line(t.Package)))} "
                    + $"(env revision {installed.Revision}, installed {installed.InstalledAt:u} by {installed.InstalledBy}).\n{sourcesText}"
                    + (resources.Folder == null ? "" : $"The env's resources ({resources.Files.Count} file(s) in {ResourcesFolder}/) are copied to {resources.Folder}, which CODEENV_RESOURCES names.\n")),
            });
            return files;
        }

        private static string Dockerfile(EnvironmentInfo environment, InstalledLock installed, ContainerConfig config, RootSettingsDocument settings, ContextWheels wheels, string? resourcesPath, out List<(string Id, string Url)> secrets)
        {
            var venv = environment.VenvPath;
            var quotedVenv = DockerfileQuoting.Shell(venv);
            var venvPython = DockerfileQuoting.Shell(venv + "/bin/python");
            var staging = StagingFolder(venv, settings.Root);
            var found = new List<(string Id, string Url)>();
            var sources = new List<string> { "--find-links " + staging + "/" + WheelsFolder };
            if (wheels.Unfound.Count == 0)
            {
                sources.Add("--no-index");
            }
            else
            {
                sources.AddRange(PackageSources(settings, found));
            }

            secrets = found;
            var minor = MinorOf(installed.Python.Version);
            var python = config.PythonPath;
            var text = new StringBuilder();
            text.AppendLine($"# Generated by CodeEnv: env '{environment.Name}' (installed revision {installed.Revision}) for the container config '{config.ConfigName}'.");
            text.AppendLine($"FROM {config.BaseImage}");
            var own = config.AllowEnvFragments ? environment.ContainerDockerfile : new DockerfileFragments();
            if (!config.AllowEnvFragments && !environment.ContainerDockerfile.IsEmpty)
            {
                text.AppendLine($"# The env's own Dockerfile lines are left out: the container config '{config.ConfigName}' does not allow them (AllowEnvFragments).");
            }

            Fragment(text, "the container config (at start)", config.DockerfileAtStart);
            Fragment(text, "the env (at start)", own.AtStart);
            text.AppendLine($"COPY {LockFileName} {staging}/{LockFileName}");
            text.AppendLine($"COPY {WheelsFolder}/ {staging}/{WheelsFolder}/");
            // A venv's packages are built for one minor version: a base image with another would install an env that
            // does not run, so the build stops here and says which two versions disagree.
            var check = $"import sys; v = '%d.%d' % sys.version_info[:2]; sys.exit(0 if v == '{minor}' else 'CodeEnv: the base image {config.BaseImage} has Python ' + v + ' at {python}, but the env {environment.Name} was installed with Python {minor}; choose a base image with Python {minor}.')";
            text.AppendLine($"RUN {python} -c {DockerfileQuoting.Shell(check)}");
            var pip = wheels.Tooling.FirstOrDefault(t => PackageName.Normalize(t.Package.Name) == "pip");
            if (pip.Path != null)
            {
                // The env's own pip installs itself and the rest of the tooling from its wheel, so the image's tooling is
                // the env's and not whatever the base image's ensurepip carries.
                text.AppendLine($"RUN {python} -m venv --without-pip {quotedVenv} \\");
                text.AppendLine($" && {venvPython} {staging}/{WheelsFolder}/{Path.GetFileName(pip.Path)}/pip install --no-cache-dir --disable-pip-version-check --no-index --find-links {staging}/{WheelsFolder} {string.Join(" ", wheels.Tooling.Select(t => LockPins.Line(t.Package)))}");
            }
            else
            {
                text.AppendLine($"RUN {python} -m venv {quotedVenv}");
            }

            Fragment(text, "the container config (before packages)", config.DockerfileBeforePackages);
            Fragment(text, "the env (before packages)", own.BeforePackages);
            var hashCheck = wheels.Unfound.Count == 0 && wheels.Packages.Count > 0 ? " --require-hashes" : "";
            var mounts = string.Concat(found.Select(f => $"--mount=type=secret,id={f.Id} "));
            text.AppendLine($"RUN {mounts}{venvPython} -m pip install --no-cache-dir --disable-pip-version-check --no-deps{hashCheck} {string.Join(" ", sources)} -r {staging}/{LockFileName}");
            if (resourcesPath != null)
            {
                // Beside the venv at the host's path, so a path the code builds from CODEENV_RESOURCES is the same in both;
                // owned by root as the venv is, readable by all (the context's modes), after the packages so a change of
                // the resources rebuilds only what follows.
                text.AppendLine($"COPY [{Newtonsoft.Json.JsonConvert.ToString(ResourcesFolder + "/")}, {Newtonsoft.Json.JsonConvert.ToString(resourcesPath.TrimEnd('/') + "/")}]");
            }

            Fragment(text, "the container config (after packages)", config.DockerfileFragment);
            Fragment(text, "the env (after packages)", own.AfterPackages);
            text.AppendLine($"RUN rm -rf {staging}");
            text.AppendLine($"ENV VIRTUAL_ENV={DockerfileQuoting.EnvValue(venv)} PATH={DockerfileQuoting.EnvValue(venv + "/bin:")}$PATH");
            // The env's variables, its secret ones excepted: an image and its history are readable by whoever pulls it, so a
            // secret reaches a container only when it runs (Invoke-CodeEnvPython -Target passes it by name: -e NAME).
            var variables = environment.EnvironmentVariables.Select(v => v.Key + "=" + DockerfileQuoting.EnvValue(v.Value)).ToList();
            if (resourcesPath != null)
            {
                variables.Add("CODEENV_RESOURCES=" + DockerfileQuoting.EnvValue(resourcesPath));
            }

            if (variables.Count > 0)
            {
                text.AppendLine("ENV " + string.Join(" ", variables));
            }

            foreach (var addition in config.RuntimeAdditions)
            {
                Fragment(text, $"the runtime addition {addition}", RuntimeAdditions.LinesOf(addition));
            }

            Fragment(text, "the container config (at end)", config.DockerfileAtEnd);
            Fragment(text, "the env (at end)", own.AtEnd);
            return text.ToString();
        }

        /// <summary>The root's sources as pip options; a source with credentials becomes a BuildKit secret, so the Dockerfile, the image and its history never hold them.</summary>
        private static IEnumerable<string> PackageSources(RootSettingsDocument settings, List<(string Id, string Url)> secrets)
        {
            string Source(string option, string url)
            {
                if (!SourceSecrets.HasSecret(url) && !SourceSecrets.IsRedacted(url))
                {
                    return option + " " + DockerfileQuoting.Shell(url);
                }

                var id = "codeenv_source_" + (secrets.Count + 1);
                secrets.Add((id, SourceSecrets.Redact(url)));
                return $"{option} \"$(cat /run/secrets/{id})\"";
            }

            var options = new List<string>();
            options.AddRange(settings.PackageSources.FindLinks.Where(CodeEnv.PackageSources.IsUrl).Select(u => Source("--find-links", u)));
            if (settings.PackageSources.NoIndex)
            {
                options.Add("--no-index");
                return options;
            }

            if (!string.IsNullOrEmpty(settings.PackageSources.IndexUrl))
            {
                options.Add(Source("--index-url", settings.PackageSources.IndexUrl!));
            }

            options.AddRange(settings.PackageSources.ExtraIndexUrls.Select(u => Source("--extra-index-url", u)));
            options.AddRange(settings.PackageSources.TrustedHosts.Select(h => "--trusted-host " + DockerfileQuoting.Shell(h)));
            return options;
        }

        /// <summary>Where the context is copied in the image and deleted after the install: never the root, a folder in it or one holding it.</summary>
        private static string StagingFolder(string venv, string root)
        {
            bool Overlaps(string folder, string path) => path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal) || folder.StartsWith(path.TrimEnd('/') + "/", StringComparison.Ordinal);
            var staging = "/tmp/codeenv-context";
            for (var n = 2; Overlaps(staging, venv) || Overlaps(staging, root); n++)
            {
                staging = "/tmp/codeenv-context-" + n;
            }

            return staging;
        }

        private static void Fragment(StringBuilder text, string from, string fragment)
        {
            if (!string.IsNullOrWhiteSpace(fragment))
            {
                text.AppendLine($"# From {from}:");
                text.AppendLine(fragment.TrimEnd());
            }
        }

        private static string MinorOf(string version)
        {
            var parts = version.Split('.');
            return parts.Length >= 2 ? parts[0] + "." + parts[1] : version;
        }
    }
}
