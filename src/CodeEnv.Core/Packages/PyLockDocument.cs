using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// An env's lock as the standard lock file, PEP 751's <c>pylock.toml</c>: every installed distribution with the
    /// one file it was installed from and that file's sha256, for the one environment the env's interpreter is (its
    /// recorded marker values). The venv's own tooling (pip, setuptools) is left out, as in every lock CodeEnv
    /// reproduces; a distribution with no recorded file cannot be locked, and says so.
    /// </summary>
    internal static class PyLockDocument
    {
        public static string Write(InstalledLock installed, DateTimeOffset exportedAt)
        {
            var packages = LockPins.Entries(installed.Packages).OrderBy(p => PackageName.Normalize(p.Name), StringComparer.Ordinal).ToList();
            var unlocked = packages.Where(p => p.Artifact == null).Select(p => p.ToString()).ToList();
            if (unlocked.Count > 0)
            {
                throw new CodeEnvException(
                    ErrorIds.LockHasNoArtifacts,
                    $"The lock of '{installed.Name}' records no file and hash for {string.Join(", ", unlocked)}: they were installed before CodeEnv recorded hashes, or from an editable or VCS source. A pylock.toml must name a file and its hash for every package; run Update-CodeEnv -Name {installed.Name} -Rebuild to record them.",
                    installed.Name);
            }

            var toml = new StringBuilder();
            toml.Append("lock-version = \"1.0\"\n");
            var environment = EnvironmentMarker(installed.MarkerEnvironment);
            if (environment != null)
            {
                toml.Append("environments = [").Append(TomlText.Quote(environment)).Append("]\n");
            }

            if (installed.MarkerEnvironment.TryGetValue("python_version", out var pythonVersion))
            {
                toml.Append("requires-python = ").Append(TomlText.Quote("==" + pythonVersion + ".*")).Append('\n');
            }

            // A single-use lock: the env's own lines, resolved once; no extras or groups to choose from.
            toml.Append("extras = []\ndependency-groups = []\ndefault-groups = []\n");
            toml.Append("created-by = \"codeenv\"\n");
            foreach (var package in packages)
            {
                AppendPackage(toml, package);
            }

            toml.Append("\n[tool.codeenv]\n");
            toml.Append("env = ").Append(TomlText.Quote(installed.Name)).Append('\n');
            toml.Append("revision = ").Append(installed.Revision.ToString(CultureInfo.InvariantCulture)).Append('\n');
            toml.Append("requirements = [").Append(string.Join(", ", installed.Requirements.Select(TomlText.Quote))).Append("]\n");
            toml.Append("exported-at = ").Append(exportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append('\n');
            return toml.ToString();
        }

        private static void AppendPackage(StringBuilder toml, LockedPackage package)
        {
            var artifact = package.Artifact!;
            toml.Append("\n[[packages]]\n");
            toml.Append("name = ").Append(TomlText.Quote(PackageName.Normalize(package.Name))).Append('\n');
            toml.Append("version = ").Append(TomlText.Quote(package.Version)).Append('\n');
            var isWheel = artifact.FileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase);
            toml.Append(isWheel ? "\n[[packages.wheels]]\n" : "\n[packages.sdist]\n");
            toml.Append("name = ").Append(TomlText.Quote(artifact.FileName)).Append('\n');
            // A file of a local folder is a path, the form the standard gives local files; anything else is its URL.
            var local = Uri.TryCreate(artifact.Url, UriKind.Absolute, out var uri) && uri.IsFile;
            toml.Append(local ? "path = " : "url = ").Append(TomlText.Quote(local ? uri!.LocalPath : artifact.Url)).Append('\n');
            toml.Append("hashes = { sha256 = ").Append(TomlText.Quote(artifact.Sha256)).Append(" }\n");
        }

        /// <summary>The environment the lock was made for, as a marker: the interpreter and platform the env's venv has.</summary>
        private static string? EnvironmentMarker(IReadOnlyDictionary<string, string> markers)
        {
            var parts = new[] { "implementation_name", "python_full_version", "sys_platform", "platform_machine" }
                .Where(markers.ContainsKey)
                .Select(key => $"{key} == '{markers[key].Replace("'", "")}'")
                .ToList();
            return parts.Count == 0 ? null : string.Join(" and ", parts);
        }
    }
}
