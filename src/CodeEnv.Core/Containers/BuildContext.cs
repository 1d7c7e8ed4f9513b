using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Store;

namespace CodeEnv.Containers
{
    /// <summary>
    /// A container build context that reproduces an env from its lock: a Dockerfile (the config's base image,
    /// a venv at the env's own path made by the image's Python, pip install --no-deps of exactly the locked set), the
    /// lock, the archives it needs from the root's wheelhouse and local find-links folders, and a README.
    /// </summary>
    internal static class BuildContext
    {
        public const string LockFileName = "requirements.lock";
        public const string WheelsFolder = "wheels";

        /// <summary>The context's entries, in the order they are written: the lock, the wheels/ folder (empty when no archive is needed) and its archives, the Dockerfile and the README.</summary>
        public static IReadOnlyList<ContextFile> Files(EnvironmentInfo environment, InstalledLock installed, ContainerConfig config, RootSettingsDocument settings)
        {
            var utf8 = new UTF8Encoding(false);
            var locked = LockPins.Entries(installed.Packages)
                .OrderBy(p => PackageName.Normalize(p.Name), StringComparer.Ordinal)
                .ToList();
            var files = new List<ContextFile>
            {
                new ContextFile { RelativePath = LockFileName, Content = utf8.GetBytes(string.Concat(locked.Select(p => LockPins.Line(p) + "\n"))) },
                new ContextFile { RelativePath = WheelsFolder, IsFolder = true },
            };

            var wanted = new HashSet<string>(locked.Select(p => PackageName.Normalize(p.Name) + "==" + Normalized(p.Version)), StringComparer.Ordinal);
            var copied = new HashSet<string>(StringComparer.Ordinal);
            foreach (var archive in LocalArchives(settings))
            {
                if (ArchiveFileName.TryParse(Path.GetFileName(archive), out var name, out var version) && wanted.Contains(name + "==" + version) && copied.Add(Path.GetFileName(archive)))
                {
                    files.Add(new ContextFile { RelativePath = WheelsFolder + "/" + Path.GetFileName(archive), Content = File.ReadAllBytes(archive) });
                }
            }

            var image = "codeenv-" + environment.Name.ToLowerInvariant() + ":" + environment.Revision;
            files.Add(new ContextFile { RelativePath = "Dockerfile", Content = utf8.GetBytes(Dockerfile(environment, installed, config, settings, out var secrets)) });
            var secretFlags = string.Concat(secrets.Select(s => $" --secret id={s.Id},src=./{s.Id}.txt"));
            var secretText = secrets.Count == 0 ? ""
                : "The package sources need credentials, which this folder does not hold. Put each source's whole URL, credentials "
                  + "included, in a file of its own, pass it as a BuildKit secret (it never reaches the image or its history), "
                  + "and delete the files afterwards:\n\n"
                  + string.Concat(secrets.Select(s => $"- `{s.Id}.txt`: {s.Url}\n")) + "\n";
            files.Add(new ContextFile
            {
                RelativePath = "README.md",
                Content = utf8.GetBytes(
                    $"# {environment.Name} in {config.BaseImage}\n\n{secretText}Build it with:\n\n    docker build{secretFlags} -t {image} .\n\n"
                    + $"The image has Python {environment.PythonVersion}'s venv at {environment.VenvPath} with exactly the {locked.Count} packages of {LockFileName} "
                    + $"(env revision {installed.Revision}, installed {installed.InstalledAt:u} by {installed.InstalledBy}).\n"),
            });
            return files;
        }

        private static string Dockerfile(EnvironmentInfo environment, InstalledLock installed, ContainerConfig config, RootSettingsDocument settings, out List<(string Id, string Url)> secrets)
        {
            var venv = environment.VenvPath;
            var sources = new List<string> { "--find-links /tmp/codeenv/wheels" };
            var found = new List<(string Id, string Url)>();
            // A source with credentials gets a BuildKit secret in its place: the Dockerfile, the image and its history never hold them.
            string Source(string option, string url)
            {
                if (!SourceSecrets.HasSecret(url) && !SourceSecrets.IsRedacted(url))
                {
                    return option + " " + url;
                }

                var id = "codeenv_source_" + (found.Count + 1);
                found.Add((id, SourceSecrets.Redact(url)));
                return $"{option} \"$(cat /run/secrets/{id})\"";
            }

            if (settings.PackageSources.NoIndex)
            {
                sources.Add("--no-index");
            }
            else
            {
                if (!string.IsNullOrEmpty(settings.PackageSources.IndexUrl))
                {
                    sources.Add(Source("--index-url", settings.PackageSources.IndexUrl!));
                }

                sources.AddRange(settings.PackageSources.ExtraIndexUrls.Select(u => Source("--extra-index-url", u)));
                sources.AddRange(settings.PackageSources.TrustedHosts.Select(h => "--trusted-host " + h));
            }

            secrets = found;
            var text = new StringBuilder();
            text.AppendLine($"# Generated by CodeEnv: env '{environment.Name}' (revision {installed.Revision}) for the container config '{config.ConfigName}'.");
            text.AppendLine($"FROM {config.BaseImage}");
            text.AppendLine($"# The env was built with Python {installed.Python.Version}; {config.PythonPath} in the image should be the same minor version.");
            text.AppendLine($"COPY {LockFileName} /tmp/codeenv/{LockFileName}");
            text.AppendLine($"COPY {WheelsFolder}/ /tmp/codeenv/wheels/");
            text.AppendLine($"RUN {string.Concat(found.Select(f => $"--mount=type=secret,id={f.Id} "))}{config.PythonPath} -m venv {venv} \\");
            text.AppendLine($" && {venv}/bin/python -m pip install --no-cache-dir --disable-pip-version-check --no-deps {string.Join(" ", sources)} -r /tmp/codeenv/{LockFileName} \\");
            text.AppendLine(" && rm -rf /tmp/codeenv");
            text.AppendLine($"ENV VIRTUAL_ENV={venv} PATH={venv}/bin:$PATH");
            if (!string.IsNullOrWhiteSpace(config.DockerfileFragment))
            {
                text.AppendLine("# From the container config:");
                text.AppendLine(config.DockerfileFragment.TrimEnd());
            }

            return text.ToString();
        }

        private static IEnumerable<string> LocalArchives(RootSettingsDocument settings)
        {
            var folders = new[] { Path.Combine(settings.Root, "wheelhouse") }.Concat(settings.PackageSources.FindLinks.Where(l => !PackageSources.IsUrl(l)));
            return folders.Where(Directory.Exists).SelectMany(Directory.EnumerateFiles);
        }

        private static string Normalized(string version) => PackageVersion.TryParse(version, out var parsed) ? parsed!.ToString() : version;
    }
}
