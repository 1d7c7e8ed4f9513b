using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Python;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// Decides in C#, from the venv's metadata alone, whether the installed set satisfies an env's requirement lines,
    /// which distributions they need (their dependency closure), which are extraneous, and which dependencies are
    /// broken (what pip check reports). This is what lets a no-op update skip pip.
    /// </summary>
    internal sealed class InstalledSetCheck
    {
        /// <summary>Installed by venv itself; never extraneous, never removed by -Sync.</summary>
        public static readonly IReadOnlyCollection<string> VenvTooling = new[] { "pip", "setuptools", "wheel", "distribute" };

        private readonly Dictionary<string, InstalledDistribution> installed;
        private readonly IReadOnlyDictionary<string, string> markerEnvironment;
        private readonly Dictionary<string, IReadOnlyList<Requirement>> parsedRequires = new Dictionary<string, IReadOnlyList<Requirement>>(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<string>> closureEdges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);

        public InstalledSetCheck(IReadOnlyList<InstalledDistribution> distributions, IReadOnlyDictionary<string, string> markerEnvironment)
        {
            installed = distributions.ToDictionary(d => PackageName.Normalize(d.Package.Name), StringComparer.Ordinal);
            this.markerEnvironment = markerEnvironment;
        }

        public List<RequirementStatus> Statuses { get; } = new List<RequirementStatus>();

        /// <summary>Problems of the requirements' dependency closure, extras included.</summary>
        public List<string> ClosureProblems { get; } = new List<string>();

        /// <summary>Normalized names of everything the requirements need, dependencies included.</summary>
        public HashSet<string> Needed { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The requirement lines the installed set does not satisfy (<see cref="IsUnmet"/>).</summary>
        public IEnumerable<RequirementStatus> UnmetLines => Statuses.Where(s => IsUnmet(s.State));

        /// <summary>The unmet lines and the closure's problems, as text: what makes an update run pip or refuse a new venv.</summary>
        public List<string> Problems => UnmetLines.Select(s => s.ToString()).Concat(ClosureProblems).ToList();

        public bool AllSatisfied => !UnmetLines.Any() && ClosureProblems.Count == 0;

        /// <summary>Installed distributions nothing needs, venv tooling aside, by their metadata names.</summary>
        public IReadOnlyList<string> Extraneous =>
            installed.Where(i => !Needed.Contains(i.Key) && !VenvTooling.Contains(i.Key)).Select(i => i.Value.Package.Name).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>
        /// Whether a line in this state is a problem of the env: a line whose marker excludes the env's interpreter asks
        /// for nothing there, as pip skips it, so it is not one.
        /// </summary>
        public static bool IsUnmet(RequirementState state) => state != RequirementState.Satisfied && state != RequirementState.NotApplicable;

        public static InstalledSetCheck Run(IEnumerable<(Requirement Requirement, PackageKind Kind)> requirements, IReadOnlyList<InstalledDistribution> distributions, IReadOnlyDictionary<string, string> markerEnvironment)
        {
            var check = new InstalledSetCheck(distributions, markerEnvironment);
            var pending = new Queue<(string Name, IReadOnlyList<string> Extras)>();
            foreach (var (requirement, kind) in requirements.Where(r => !r.Requirement.IsOptionLine))
            {
                var state = check.StateOf(requirement, out var version);
                check.Statuses.Add(new RequirementStatus(requirement.Line, requirement.Name!, kind, state, version));
                if (state != RequirementState.NotApplicable && version != null)
                {
                    pending.Enqueue((requirement.NormalizedName!, requirement.Extras));
                }
            }

            check.WalkClosure(pending);
            return check;
        }

        /// <summary>What pip check reports: every installed distribution's dependencies, without extras.</summary>
        public IReadOnlyList<string> BrokenDependencies()
        {
            var problems = new List<string>();
            foreach (var distribution in installed.Values.OrderBy(d => d.Package.Name, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var dependency in RequiresOf(distribution).Where(d => Applies(d, Array.Empty<string>())))
                {
                    var problem = DependencyProblem(distribution, dependency);
                    if (problem != null)
                    {
                        problems.Add(problem);
                    }
                }
            }

            return problems;
        }

        /// <summary>
        /// The installed set's dependency graph, by normalized name: each distribution's installed dependencies, as its
        /// Requires-Dist selects them under the env's markers with the extras the lines and the closure ask of it (none
        /// for a distribution nothing needs). Every installed distribution is a key.
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyCollection<string>> DependencyGraph()
        {
            var graph = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var entry in installed)
            {
                var edges = EdgesOf(graph, entry.Key);
                if (closureEdges.TryGetValue(entry.Key, out var walked))
                {
                    edges.UnionWith(walked);
                }
                else if (!Needed.Contains(entry.Key))
                {
                    edges.UnionWith(RequiresOf(entry.Value).Where(d => Applies(d, Array.Empty<string>()) && installed.ContainsKey(d.NormalizedName!)).Select(d => d.NormalizedName!));
                }
            }

            return graph.ToDictionary(g => g.Key, g => (IReadOnlyCollection<string>)g.Value, StringComparer.Ordinal);
        }

        private static SortedSet<string> EdgesOf(IDictionary<string, SortedSet<string>> graph, string name)
        {
            if (!graph.TryGetValue(name, out var edges))
            {
                graph[name] = edges = new SortedSet<string>(StringComparer.Ordinal);
            }

            return edges;
        }

        private RequirementState StateOf(Requirement requirement, out string? installedVersion)
        {
            installedVersion = null;
            if (requirement.Marker != null && !requirement.Marker.Evaluate(markerEnvironment))
            {
                return RequirementState.NotApplicable;
            }

            if (!installed.TryGetValue(requirement.NormalizedName!, out var distribution))
            {
                return RequirementState.Missing;
            }

            installedVersion = distribution.Package.Version;
            if (requirement.Url != null)
            {
                return SameLocation(requirement.Url, distribution.DirectUrl) ? RequirementState.Satisfied : RequirementState.DifferentSource;
            }

            return VersionMatches(requirement.Specifier, installedVersion) ? RequirementState.Satisfied : RequirementState.WrongVersion;
        }

        private void WalkClosure(Queue<(string Name, IReadOnlyList<string> Extras)> pending)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                var (name, extras) = pending.Dequeue();
                Needed.Add(name);
                var key = name + "[" + string.Join(",", extras.Select(PackageName.Normalize).OrderBy(e => e, StringComparer.Ordinal)) + "]";
                if (!visited.Add(key) || !installed.TryGetValue(name, out var distribution))
                {
                    continue;
                }

                foreach (var dependency in RequiresOf(distribution).Where(d => Applies(d, extras)))
                {
                    var problem = DependencyProblem(distribution, dependency);
                    if (problem != null)
                    {
                        ClosureProblems.Add(problem);
                    }

                    if (installed.ContainsKey(dependency.NormalizedName!))
                    {
                        EdgesOf(closureEdges, name).Add(dependency.NormalizedName!);
                        pending.Enqueue((dependency.NormalizedName!, dependency.Extras));
                    }
                }
            }
        }

        private string? DependencyProblem(InstalledDistribution distribution, Requirement dependency)
        {
            var who = $"{distribution.Package.Name} {distribution.Package.Version}";
            if (!installed.TryGetValue(dependency.NormalizedName!, out var found))
            {
                return $"{who} requires {dependency.Name}, which is not installed.";
            }

            return dependency.Url == null && !VersionMatches(dependency.Specifier, found.Package.Version)
                ? $"{who} has requirement {dependency.Line}, but you have {found.Package.Name} {found.Package.Version}."
                : null;
        }

        private bool Applies(Requirement dependency, IReadOnlyList<string> extras)
        {
            if (dependency.Marker == null)
            {
                return true;
            }

            foreach (var extra in new[] { "" }.Concat(extras))
            {
                var values = new Dictionary<string, string>(markerEnvironment.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal) { ["extra"] = extra };
                if (dependency.Marker.Evaluate(values))
                {
                    return true;
                }
            }

            return false;
        }

        private IReadOnlyList<Requirement> RequiresOf(InstalledDistribution distribution)
        {
            var key = PackageName.Normalize(distribution.Package.Name);
            if (!parsedRequires.TryGetValue(key, out var parsed))
            {
                // Metadata written by other tools may hold lines we cannot read; they are skipped, as pip skips them.
                parsed = RequirementsParser.TryParse(distribution.Requires, AnyRequirementLine.Instance, out _).Where(r => !r.IsOptionLine).ToList();
                parsedRequires[key] = parsed;
            }

            return parsed;
        }

        private static bool VersionMatches(SpecifierSet specifier, string version) =>
            specifier.Specifiers.Count == 0 || (PackageVersion.TryParse(version, out var parsed) && specifier.Contains(parsed!));

        private static bool SameLocation(string requested, string? installedFrom)
        {
            if (installedFrom == null)
            {
                return false;
            }

            return string.Equals(AsUrl(requested), AsUrl(installedFrom), StringComparison.Ordinal);
        }

        private static string AsUrl(string location)
        {
            if (location.Contains("://"))
            {
                return location.TrimEnd('/');
            }

            var path = location.StartsWith("~", StringComparison.Ordinal)
                ? System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile) + location.Substring(1)
                : location;
            return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        }
    }
}
