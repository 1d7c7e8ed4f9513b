using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// The root's deny list, read once: which entry denies a package at a version (on the set an install resolved, before
    /// anything is fetched, linked or installed), and which denies every version of a name a line requests (refused when
    /// the line is set). The first entry that matches is the one an error names.
    /// </summary>
    public sealed class DenyList
    {
        private readonly IReadOnlyList<(DeniedPackage Entry, NamePattern Pattern, SpecifierSet Versions)> entries;

        public DenyList(IEnumerable<DeniedPackage> entries)
        {
            this.entries = entries.Select(e => (e, Parse(e.Package, out var pattern, out var versions, out _) ? pattern : null, versions))
                .Where(e => e.Item2 != null)
                .Select(e => (e.e, e.Item2!, e.versions!))
                .ToList();
        }

        public bool IsEmpty => entries.Count == 0;

        /// <summary>Reads an entry's package text: a name pattern, then an optional version specifier ('requests==2.0', 'evil-*').</summary>
        public static bool Parse(string text, out NamePattern? pattern, out SpecifierSet? versions, out string problem)
        {
            versions = null;
            var at = text.IndexOfAny(new[] { '<', '>', '=', '!', '~' });
            pattern = NamePattern.TryParse(at < 0 ? text : text.Substring(0, at), out problem);
            if (pattern == null)
            {
                problem = $"'{text}' does not start with a package name or a pattern of names (letters, digits, '-', '_', '.', and * or ? as wildcards)";
                return false;
            }

            if (at < 0)
            {
                versions = SpecifierSet.Any;
                return true;
            }

            if (!SpecifierSet.TryParse(text.Substring(at), out versions, out var specifierProblem))
            {
                problem = $"'{text}': {specifierProblem}";
                return false;
            }

            return true;
        }

        /// <summary>The entry that denies <paramref name="name"/> at <paramref name="version"/>, or null. A version that does not parse is denied by any entry of its name.</summary>
        public DeniedPackage? Denying(string name, string version) =>
            entries.FirstOrDefault(e => e.Pattern.Matches(name) && (e.Versions.Specifiers.Count == 0 || !PackageVersion.TryParse(version, out var parsed) || e.Versions.Contains(parsed!))).Entry;

        /// <summary>The entry that denies every version of <paramref name="name"/>, or null.</summary>
        public DeniedPackage? DenyingEveryVersion(string name) =>
            entries.FirstOrDefault(e => e.Pattern.Matches(name) && e.Versions.Specifiers.Count == 0).Entry;

        /// <summary>Refuses a resolved set that holds a denied package, naming it and the entry; <paramref name="where"/> says what was about to happen.</summary>
        public void RequireAllowed(IEnumerable<(string Name, string Version)> distributions, string where)
        {
            foreach (var (name, version) in distributions)
            {
                var entry = Denying(name, version);
                if (entry != null)
                {
                    throw Denied($"{name} {version} is on the root's deny list ({Said(entry)}), and {where}", name);
                }
            }
        }

        /// <summary>Refuses requirement lines that request a name the deny list denies in every version.</summary>
        public void RequireAllowed(IEnumerable<Requirement> lines)
        {
            foreach (var line in lines.Where(l => l.Name != null))
            {
                var entry = DenyingEveryVersion(line.Name!);
                if (entry != null)
                {
                    throw Denied($"line {line.LineNumber}: '{line.Line}' requests {line.Name}, which the root's deny list denies ({Said(entry)}). Remove the line; an administrator decides the deny list (Get-CodeEnvRoot | ForEach-Object DeniedPackages).", line.Line);
                }
            }
        }

        private static string Said(DeniedPackage entry) => $"entry '{entry.Package}'" + (entry.Reason == null ? ", no reason given" : $": {entry.Reason}");

        private static CodeEnvException Denied(string message, string target) => new CodeEnvException(ErrorIds.PackageDenied, message, target);
    }
}
