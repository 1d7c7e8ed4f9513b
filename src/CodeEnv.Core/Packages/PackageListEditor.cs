using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// The rules of editing an env's requested list: every line is validated before anything changes, base packages
    /// cannot be changed or removed by a package command, and one package has one line.
    /// </summary>
    internal sealed class PackageListEditor
    {
        private readonly RootSettingsDocument settings;
        private readonly bool callerIsAdministrator;

        public PackageListEditor(RootSettingsDocument settings, bool callerIsAdministrator)
        {
            this.settings = settings;
            this.callerIsAdministrator = callerIsAdministrator;
        }

        /// <summary>Replaces the whole requested list.</summary>
        public void Replace(EnvironmentDefinition definition, IEnumerable<string> lines)
        {
            var parsed = Validate(definition, lines);
            RefuseDuplicates(parsed);
            definition.RequestedPackages = parsed.Select(r => r.Line).ToList();
        }

        /// <summary>Adds lines; a line for a package that is already requested replaces that package's line.</summary>
        public void Add(EnvironmentDefinition definition, IEnumerable<string> lines)
        {
            var parsed = Validate(definition, lines);
            RefuseDuplicates(parsed);
            var requested = definition.RequestedPackages.ToList();
            foreach (var requirement in parsed)
            {
                var existing = requirement.IsOptionLine
                    ? requested.FindIndex(l => string.Equals(l.Trim(), requirement.Line, StringComparison.Ordinal))
                    : requested.FindIndex(l => SameUnconditionalPackage(l, requirement));
                if (existing >= 0)
                {
                    requested[existing] = requirement.Line;
                }
                else
                {
                    requested.Add(requirement.Line);
                }
            }

            definition.RequestedPackages = requested;
        }

        /// <summary>Removes every requested line of the named packages; a name that is not requested changes nothing and is an error.</summary>
        public void Remove(EnvironmentDefinition definition, IEnumerable<string> packageNames)
        {
            var names = packageNames.ToList();
            var bases = BaseNames(definition);
            foreach (var name in names)
            {
                // A line the user requested can always go, even when a setting made the same package a base one since:
                // otherwise it would be stuck beside the base line for good.
                var requested = definition.RequestedPackages.Any(l => NormalizedNameOf(l) == PackageName.Normalize(name));
                if (!requested && bases.TryGetValue(PackageName.Normalize(name), out var source))
                {
                    throw BaseProtected(name, source);
                }
            }

            var missing = names.Where(n => !definition.RequestedPackages.Any(l => NormalizedNameOf(l) == PackageName.Normalize(n))).ToList();
            if (missing.Count > 0)
            {
                throw new CodeEnvException(
                    ErrorIds.PackageNotRequested,
                    $"The env '{definition.Name}' does not request {string.Join(", ", missing.Select(m => "'" + m + "'"))}; nothing was removed. Get-CodeEnvPackage -Name {definition.Name} lists its requested packages.",
                    missing[0]);
            }

            var remove = new HashSet<string>(names.Select(PackageName.Normalize), StringComparer.Ordinal);
            definition.RequestedPackages = definition.RequestedPackages.Where(l => !remove.Contains(NormalizedNameOf(l) ?? "")).ToList();
        }

        /// <summary>Adds the lines of the named root package sets and records the sets on the env.</summary>
        public void AddSets(EnvironmentDefinition definition, IEnumerable<string> setNames)
        {
            var sets = new List<(string Name, List<string> Lines)>();
            foreach (var requested in setNames)
            {
                var found = settings.PackageSets.FirstOrDefault(s => string.Equals(s.Key, requested, StringComparison.OrdinalIgnoreCase));
                if (found.Key == null)
                {
                    throw new CodeEnvException(
                        ErrorIds.PackageSetNotFound,
                        $"There is no package set '{requested}'. The root has: {string.Join(", ", settings.PackageSets.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase).Select(k => "'" + k + "'"))}. Get-CodeEnvPackageSet lists them with their packages.",
                        requested);
                }

                sets.Add((found.Key, found.Value));
            }

            var requestedNames = new HashSet<string>(definition.RequestedPackages.Select(NormalizedNameOf).Where(n => n != null)!, StringComparer.Ordinal);
            var bases = BaseNames(definition);
            var added = new List<string>();
            foreach (var line in sets.SelectMany(s => s.Lines))
            {
                var name = NormalizedNameOf(line);
                if (name == null || (!requestedNames.Contains(name) && !bases.ContainsKey(name)))
                {
                    added.Add(line);
                    if (name != null)
                    {
                        requestedNames.Add(name);
                    }
                }
            }

            // A set's lines are checked like any others (an admin may have edited the set), then appended.
            var parsed = Validate(definition, added);
            definition.RequestedPackages = definition.RequestedPackages.Concat(parsed.Select(r => r.Line)).ToList();
            foreach (var (name, _) in sets.Where(s => !definition.PackageSets.Contains(s.Name, StringComparer.OrdinalIgnoreCase)))
            {
                definition.PackageSets.Add(name);
            }
        }

        /// <summary>Jupyter support adds or drops the kernel among the base packages, so the env needs an update.</summary>
        public static void SetJupyterSupport(EnvironmentDefinition definition, bool enabled)
        {
            var ownKernelLine = definition.RequestedPackages.FirstOrDefault(l => NormalizedNameOf(l) == EnvironmentRequirements.JupyterKernelPackage);
            if (enabled && !definition.JupyterSupport && ownKernelLine != null)
            {
                throw new CodeEnvException(
                    ErrorIds.BasePackageRequested,
                    $"The env '{definition.Name}' requests '{ownKernelLine}' itself, and Jupyter support makes {EnvironmentRequirements.JupyterKernelPackage} a base package, which pip would then get twice. Remove the line first (Remove-CodeEnvPackage -Name {definition.Name} -PackageName {EnvironmentRequirements.JupyterKernelPackage}), then turn Jupyter support on.",
                    definition.Name);
            }

            definition.JupyterSupport = enabled;
        }

        /// <summary>Checks lines for a new env, whose base packages follow from its settings.</summary>
        public IReadOnlyList<string> ValidateNew(EnvironmentDefinition definition, IEnumerable<string> lines)
        {
            var parsed = Validate(definition, lines);
            RefuseDuplicates(parsed);
            return parsed.Select(r => r.Line).ToList();
        }

        private IReadOnlyList<Requirement> Validate(EnvironmentDefinition definition, IEnumerable<string> lines)
        {
            var parsed = RequirementsParser.Parse(lines, RequirementOptionPolicy.For(callerIsAdministrator));
            new DenyList(settings.DeniedPackages).RequireAllowed(parsed);
            var bases = BaseNames(definition);
            foreach (var requirement in parsed.Where(r => !r.IsOptionLine))
            {
                if (requirement.Url != null && !requirement.Url.Contains("://") && !System.IO.Path.IsPathRooted(requirement.Url) && !requirement.Url.StartsWith("~", StringComparison.Ordinal))
                {
                    throw new CodeEnvException(
                        ErrorIds.RequirementPathRelative,
                        $"line {requirement.LineNumber}: '{requirement.Line}': a relative path depends on the current folder of whoever runs the next update. Give an absolute path, a file:// URL, or publish the archive with Publish-CodeEnvPackage and request it by name.",
                        requirement.Line);
                }

                if (bases.TryGetValue(requirement.NormalizedName!, out var source))
                {
                    throw BaseProtected(requirement.Name!, source);
                }
            }

            return parsed;
        }

        private static void RefuseDuplicates(IReadOnlyList<Requirement> parsed)
        {
            // Two lines for one package are legitimate only when markers choose between them.
            var duplicate = parsed.Where(r => !r.IsOptionLine && r.Marker == null)
                .GroupBy(r => r.NormalizedName)
                .FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                var lines = duplicate.ToList();
                throw new CodeEnvException(
                    ErrorIds.RequirementDuplicated,
                    $"'{lines[0].Name}' is requested twice: line {lines[0].LineNumber} '{lines[0].Line}' and line {lines[1].LineNumber} '{lines[1].Line}'. Keep one line per package (combine specifiers with commas, such as 'pkg>=1.0,<2').",
                    lines[1].Line);
            }
        }

        private Dictionary<string, string> BaseNames(EnvironmentDefinition definition)
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (line, source) in EnvironmentRequirements.BaseLines(definition, settings))
            {
                var name = NormalizedNameOf(line);
                if (name != null && !names.ContainsKey(name))
                {
                    names[name] = source;
                }
            }

            return names;
        }

        private static CodeEnvException BaseProtected(string name, string source) =>
            new CodeEnvException(
                ErrorIds.BasePackageProtected,
                $"'{name}' is a base package, required by {EnvironmentRequirements.DescribeSource(source)}; package commands cannot add, change or remove it. Change that setting instead.",
                name);

        private static bool SameUnconditionalPackage(string line, Requirement requirement)
        {
            var parsed = RequirementsParser.TryParse(new[] { line }, AnyRequirementLine.Instance, out _);
            return parsed.Count == 1 && parsed[0].NormalizedName == requirement.NormalizedName && parsed[0].Marker == null && requirement.Marker == null;
        }

        private static string? NormalizedNameOf(string line)
        {
            var name = EnvironmentRequirements.NameOf(line);
            return name == null ? null : PackageName.Normalize(name);
        }
    }
}
