using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// The requirement lines one env installs: its base packages (the root's, plus what its settings imply, such as
    /// Jupyter support) followed by its requested packages, each with where it comes from.
    /// </summary>
    internal static class EnvironmentRequirements
    {
        /// <summary>The kernel package Jupyter support adds to an env's base packages.</summary>
        public const string JupyterKernelPackage = "ipykernel";

        public static IReadOnlyList<PackageRequirement> Describe(EnvironmentDefinition definition, RootSettingsDocument settings, string root)
        {
            var result = new List<PackageRequirement>();
            foreach (var (line, source) in BaseLines(definition, settings))
            {
                result.Add(Describe(line, PackageKind.Base, source, definition.Name, root));
            }

            var setOf = SetMembership(definition, settings);
            foreach (var line in definition.RequestedPackages)
            {
                var name = NameOf(line);
                var source = name != null && setOf.TryGetValue(PackageName.Normalize(name), out var set) ? PackageRequirement.SetSourcePrefix + set : PackageRequirement.UserSource;
                result.Add(Describe(line, PackageKind.Requested, source, definition.Name, root));
            }

            return result;
        }

        /// <summary>
        /// Base lines with the setting that requires each: the root's base packages, then Jupyter's kernel. A registered
        /// venv has none: CodeEnv installs nothing in it, so nothing is expected of it.
        /// </summary>
        public static IReadOnlyList<(string Line, string Source)> BaseLines(EnvironmentDefinition definition, RootSettingsDocument settings)
        {
            if (definition.RegisteredVenv != null)
            {
                return Array.Empty<(string, string)>();
            }

            var lines = settings.BasePackages.Select(line => (Line: line, Source: PackageRequirement.RootSource)).ToList();
            if (definition.JupyterSupport && !lines.Any(b => string.Equals(NameOf(b.Line), JupyterKernelPackage, StringComparison.OrdinalIgnoreCase)))
            {
                lines.Add((JupyterKernelPackage, PackageRequirement.JupyterSource));
            }

            return lines;
        }

        /// <summary>Every line parsed, with its kind; each line on its own, so one unreadable line (saved by an older version) hides no other.</summary>
        public static IEnumerable<(Requirement Requirement, PackageKind Kind)> WithKinds(EnvironmentDefinition definition, RootSettingsDocument settings)
        {
            var baseCount = BaseLines(definition, settings).Count;
            var lines = AllLines(definition, settings);
            for (var i = 0; i < lines.Count; i++)
            {
                var parsed = RequirementsParser.TryParse(new[] { lines[i] }, AnyRequirementLine.Instance, out _);
                if (parsed.Count == 1)
                {
                    yield return (parsed[0], i < baseCount ? PackageKind.Base : PackageKind.Requested);
                }
            }
        }

        public static IReadOnlyList<string> AllLines(EnvironmentDefinition definition, RootSettingsDocument settings) =>
            BaseLines(definition, settings).Select(b => b.Line).Concat(definition.RequestedPackages).ToList();

        /// <summary>Describes why a base package is there, in the words of the setting an admin would change.</summary>
        public static string DescribeSource(string source) => source switch
        {
            PackageRequirement.RootSource => "the root's base packages (Set-CodeEnvRoot -BasePackage)",
            PackageRequirement.JupyterSource => "Jupyter support (Set-CodeEnv -JupyterSupport $false)",
            _ => source,
        };

        internal static string? NameOf(string line)
        {
            var parsed = RequirementsParser.TryParse(new[] { line }, AnyRequirementLine.Instance, out _);
            return parsed.Count == 1 ? parsed[0].Name : null;
        }

        private static Dictionary<string, string> SetMembership(EnvironmentDefinition definition, RootSettingsDocument settings)
        {
            var setOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var setName in definition.PackageSets)
            {
                if (!settings.PackageSets.TryGetValue(setName, out var lines))
                {
                    continue;
                }

                foreach (var name in lines.Select(NameOf).Where(n => n != null))
                {
                    var key = PackageName.Normalize(name!);
                    if (!setOf.ContainsKey(key))
                    {
                        setOf[key] = setName;
                    }
                }
            }

            return setOf;
        }

        private static PackageRequirement Describe(string line, PackageKind kind, string source, string environmentName, string root)
        {
            var parsed = RequirementsParser.TryParse(new[] { line }, AnyRequirementLine.Instance, out _);
            var requirement = parsed.Count == 1 ? parsed[0] : null;
            var specifier = requirement == null ? "" : requirement.Url ?? requirement.Specifier.ToString();
            return new PackageRequirement(requirement?.Name ?? "", specifier, line, kind, source, environmentName, root);
        }
    }
}
