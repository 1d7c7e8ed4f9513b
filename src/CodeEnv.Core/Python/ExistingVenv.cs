using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>
    /// A venv made by hand, as New-CodeEnv -FromVenv and Register-CodeEnv find it: its pyvenv.cfg says which Python
    /// made it, and its metadata what is installed. Only read, never changed.
    /// </summary>
    internal sealed class ExistingVenv
    {
        private static readonly string[] Tooling = { "pip", "setuptools", "wheel", "distribute" };

        private readonly IReadOnlyDictionary<string, string> config;

        private ExistingVenv(string folder, IReadOnlyDictionary<string, string> config)
        {
            Folder = folder;
            this.config = config;
        }

        public string Folder { get; }

        /// <summary>The full Python version that made the venv (pyvenv.cfg's version, or version_info as virtualenv writes it).</summary>
        public string Version => config.TryGetValue("version", out var v) ? v : config.TryGetValue("version_info", out var info) ? info : "";

        /// <summary>Opens the venv at <paramref name="folder"/>; a clear error when it is not one.</summary>
        public static ExistingVenv Open(string folder)
        {
            var full = Path.GetFullPath(folder);
            var cfg = VenvLayout.Config(full);
            if (!Directory.Exists(full) || !File.Exists(cfg) || !File.Exists(VenvLayout.Python(full)))
            {
                throw new CodeEnvException(
                    ErrorIds.NotAVenv,
                    $"'{full}' is not a virtual environment: it needs a pyvenv.cfg and {Path.GetFileName(VenvLayout.ScriptsFolder(full))}/{Path.GetFileName(VenvLayout.Python(full))}, as 'python -m venv' makes. Give the venv's folder.",
                    full);
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in File.ReadAllLines(cfg))
            {
                var equals = line.IndexOf('=');
                if (equals > 0)
                {
                    values[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
                }
            }

            var venv = new ExistingVenv(full, values);
            if (venv.Version.Length == 0)
            {
                throw new CodeEnvException(ErrorIds.VenvVersionUnknown, $"'{cfg}' does not say which Python made the venv (no 'version' line). Recreate the venv with 'python -m venv', or give -PythonVersion.", full);
            }

            return venv;
        }

        /// <summary>Where the base interpreter may be, most exact first: pyvenv.cfg's executable, then the home folder's pythons.</summary>
        public IEnumerable<string> InterpreterCandidates()
        {
            if (config.TryGetValue("executable", out var executable))
            {
                yield return executable;
            }

            if (config.TryGetValue("home", out var home))
            {
                var parts = Version.Split('.');
                if (parts.Length >= 2)
                {
                    yield return Path.Combine(home, $"python{parts[0]}.{parts[1]}");
                }

                yield return Path.Combine(home, "python3");
                yield return Path.Combine(home, "python");
            }
        }

        // pip does not record which extras were asked for; an extra all of whose packages are installed was, as far as
        // anyone can tell, so it is kept: gamma[fast] stays gamma[fast], and pip installs the same set again.
        private static string ExtrasInstalled(InstalledDistribution distribution, ISet<string> installed)
        {
            var byExtra = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var line in distribution.Requires)
            {
                var extra = ExtraMarker.Match(line);
                var requirement = extra.Success ? RequirementsParser.TryParse(new[] { line }, AnyRequirementLine.Instance, out _).FirstOrDefault() : null;
                if (requirement?.NormalizedName != null)
                {
                    var name = PackageName.Normalize(extra.Groups["extra"].Value);
                    if (!byExtra.TryGetValue(name, out var names))
                    {
                        byExtra[name] = names = new List<string>();
                    }

                    names.Add(requirement.NormalizedName);
                }
            }

            var kept = byExtra.Where(e => e.Value.All(installed.Contains)).Select(e => e.Key).OrderBy(e => e, StringComparer.Ordinal).ToList();
            return kept.Count == 0 ? "" : "[" + string.Join(",", kept) + "]";
        }

        private static readonly System.Text.RegularExpressions.Regex ExtraMarker =
            new System.Text.RegularExpressions.Regex(@"extra\s*==\s*[""'](?<extra>[^""']+)[""']", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>
        /// The top-level distributions (those no other installed one requires), as requirement lines pinned to their
        /// installed versions; dependencies are left to pip. One installed from a local path or as editable code cannot
        /// be a line any other machine can install: it is returned apart, with what to do.
        /// </summary>
        public (IReadOnlyList<string> Lines, IReadOnlyList<string> NotExpressible) TopLevelRequirements(string root)
        {
            var distributions = InstalledPackageReader.ReadDistributions(Folder, "", root, withRequirements: true);
            var required = new HashSet<string>(StringComparer.Ordinal);
            foreach (var distribution in distributions)
            {
                foreach (var requirement in RequirementsParser.TryParse(distribution.Requires, AnyRequirementLine.Instance, out _).Where(r => r.NormalizedName != null))
                {
                    required.Add(requirement.NormalizedName!);
                }
            }

            var installed = new HashSet<string>(distributions.Select(d => PackageName.Normalize(d.Package.Name)), StringComparer.Ordinal);
            var lines = new List<string>();
            var notExpressible = new List<string>();
            foreach (var distribution in distributions.OrderBy(d => PackageName.Normalize(d.Package.Name), StringComparer.Ordinal))
            {
                var package = distribution.Package;
                var name = PackageName.Normalize(package.Name);
                if (required.Contains(name) || Tooling.Contains(name))
                {
                    continue;
                }

                var url = distribution.DirectUrl;
                if (url == null)
                {
                    lines.Add($"{package.Name}{ExtrasInstalled(distribution, installed)}=={package.Version}");
                }
                else if (url.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
                {
                    notExpressible.Add($"{package.Name} {package.Version} was installed from the local path {url} (or as editable code), which no other machine can install: publish its wheel or sdist with Publish-CodeEnvPackage, then Add-CodeEnvPackage '{package.Name}=={package.Version}'");
                }
                else
                {
                    lines.Add($"{package.Name} @ {url}");
                }
            }

            return (lines, notExpressible);
        }
    }
}
