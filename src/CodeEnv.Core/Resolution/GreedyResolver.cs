using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// Chooses, without starting pip, the distributions pip would install for requirement lines, or says that pip must
    /// decide. It takes pip's resolver step by step (resolvelib 1.0.1 with pip's provider): each round it picks the name
    /// pip prefers among those not yet chosen (pip's get_preference: setuptools last where the env's pip 23.0 delays it, pinned first, then nearer the lines, then the lines'
    /// order, then with a specifier, then by name), chooses that name's best file as pip would (<see cref="CandidateChoice"/>),
    /// and adds the file's Requires-Dist. Where pip would go where this does not follow (a requirement found later that
    /// rejects a choice already made, which pip undoes by backtracking; an sdist to build; a direct reference; pip options),
    /// it stops and hands the decision to pip with the reason. So what it answers is what pip would do, or nothing.
    /// </summary>
    public sealed class GreedyResolver
    {
        private readonly CandidateFinder finder;
        private readonly CandidateMetadataReader metadata;
        private readonly ResolverEnvironment environment;

        public GreedyResolver(CandidateFinder finder, CandidateMetadataReader metadata, ResolverEnvironment environment)
        {
            this.finder = finder;
            this.metadata = metadata;
            this.environment = environment;
        }

        /// <summary>What <c>pip install --ignore-installed -r lines -c constraints</c> would install.</summary>
        public Task<ResolutionOutcome> ResolveAsync(IEnumerable<Requirement> lines, IEnumerable<Requirement>? constraints, CancellationToken cancellation) =>
            RunAsync(lines, constraints, null, cancellation);

        /// <summary>
        /// What <c>pip install -r lines -c constraints</c> would do in an env that has <paramref name="installed"/>: every
        /// installed version that still satisfies what needs it is kept, only the rest is chosen anew, and the outcome says
        /// which requirements the resulting set would leave unmet.
        /// </summary>
        public Task<ResolutionOutcome> ResolveChangesAsync(IReadOnlyList<CurrentDistribution> installed, IEnumerable<Requirement> lines, IEnumerable<Requirement>? constraints, CancellationToken cancellation) =>
            RunAsync(lines, constraints, installed, cancellation);

        private async Task<ResolutionOutcome> RunAsync(IEnumerable<Requirement> lines, IEnumerable<Requirement>? constraints, IReadOnlyList<CurrentDistribution>? installed, CancellationToken cancellation)
        {
            if (environment.Pip.NotReproducedReason != null)
            {
                return ResolutionOutcome.PipMustDecide(environment.Pip.NotReproducedReason);
            }

            try
            {
                var run = new Run(this, installed);
                return await run.ResolveAsync(lines.ToList(), (constraints ?? Enumerable.Empty<Requirement>()).ToList(), cancellation).ConfigureAwait(false);
            }
            catch (PipMustDecideException e)
            {
                return ResolutionOutcome.PipMustDecide(e.Message, e.Sdist);
            }
        }

        /// <summary>One resolution: pip's criteria (each name's requirements and who required them), its pins and the depths its preference infers.</summary>
        private sealed class Run
        {
            private readonly GreedyResolver owner;
            private readonly Dictionary<string, CurrentDistribution>? installed;
            private readonly List<string> order = new List<string>();
            private readonly Dictionary<string, List<(Need Need, Pick? Parent)>> criteria = new Dictionary<string, List<(Need, Pick?)>>(StringComparer.Ordinal);
            private readonly List<string> pinOrder = new List<string>();
            private readonly Dictionary<string, Pick> pins = new Dictionary<string, Pick>(StringComparer.Ordinal);
            private readonly Dictionary<string, double> knownDepths = new Dictionary<string, double>(StringComparer.Ordinal);
            private readonly Dictionary<string, int> userRequested = new Dictionary<string, int>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<VersionSpecifier>> constraintsByProject = new Dictionary<string, List<VersionSpecifier>>(StringComparer.Ordinal);
            private readonly Dictionary<string, FilePick> fileCandidates = new Dictionary<string, FilePick>(StringComparer.Ordinal);
            private readonly Dictionary<string, InstalledPick> installedCandidates = new Dictionary<string, InstalledPick>(StringComparer.Ordinal);
            private readonly Dictionary<string, ExtrasPick> extrasCandidates = new Dictionary<string, ExtrasPick>(StringComparer.Ordinal);
            private readonly Dictionary<string, Dictionary<string, string>> markersByExtra = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
            private readonly HashSet<string> requestedProjects = new HashSet<string>(StringComparer.Ordinal);

            public Run(GreedyResolver owner, IReadOnlyList<CurrentDistribution>? installed)
            {
                this.owner = owner;
                this.installed = installed?.GroupBy(d => PackageName.Normalize(d.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            }

            private bool SplitsExtras => owner.environment.Pip.SplitsExtrasFromSpecifier;

            public async Task<ResolutionOutcome> ResolveAsync(List<Requirement> lines, List<Requirement> constraintLines, CancellationToken cancellation)
            {
                foreach (var constraint in constraintLines)
                {
                    AddConstraint(constraint);
                }

                var roots = new List<SpecifierNeed>();
                foreach (var (line, index) in lines.Select((l, i) => (l, i)))
                {
                    RefuseLineOnlyPipReads(line, "line");
                    if (!Applies(line.Marker, NoExtras))
                    {
                        continue;
                    }

                    var needs = NeedsOf(line, $"line {line.LineNumber} '{line.Line}'");
                    if (!userRequested.ContainsKey(needs[0].Identifier))
                    {
                        userRequested[needs[0].Identifier] = index;
                    }

                    requestedProjects.Add(needs[0].Project);
                    roots.AddRange(needs);
                }

                // pip puts requirements with extras after the others (a stable sort), which is the order they enter the criteria.
                foreach (var root in roots.Where(r => r.Extras.Count == 0).Concat(roots.Where(r => r.Extras.Count > 0)))
                {
                    if (!await AddAsync(root, null, cancellation).ConfigureAwait(false))
                    {
                        throw new PipMustDecideException($"no file of {root.Project} here satisfies '{Requirements(root.Identifier)}': pip decides, and reports it");
                    }
                }

                while (true)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var unsatisfied = order.Where(id => !IsPinSatisfying(id)).ToList();
                    if (unsatisfied.Count == 0)
                    {
                        break;
                    }

                    var preferences = unsatisfied.Select(id => (Id: id, Key: Preference(id))).ToList();
                    var chosen = preferences.Aggregate((best, next) => next.Key.CompareTo(best.Key) < 0 ? next : best).Id;
                    await PinAsync(chosen, cancellation).ConfigureAwait(false);
                }

                return ResolutionOutcome.Resolved(Distributions(), installed == null ? null : UnmetRequirements());
            }

            private async Task PinAsync(string id, CancellationToken cancellation)
            {
                var satisfiedBefore = order.Where(IsPinSatisfying).ToList();
                foreach (var build in await MatchesAsync(id, cancellation).ConfigureAwait(false))
                {
                    var pick = await build().ConfigureAwait(false);
                    // pip makes Requires-Python a dependency of its own, checked first: a version that excludes the interpreter
                    // is rejected, and the next one tried.
                    if (pick is FilePick file && !owner.finder.RequiresPythonAllows(file.Metadata.RequiresPython))
                    {
                        continue;
                    }

                    foreach (var dependency in DependenciesOf(pick))
                    {
                        if (!await AddAsync(dependency, pick, cancellation).ConfigureAwait(false))
                        {
                            throw new PipMustDecideException(
                                $"{pick} was chosen, but it requires {dependency}, and no file of {dependency.Project} here satisfies '{Requirements(dependency.Identifier)}' as well: that needs pip's backtracking");
                        }
                    }

                    pins.Remove(id);
                    pinOrder.Remove(id);
                    pins[id] = pick;
                    pinOrder.Add(id);
                    var broken = satisfiedBefore.FirstOrDefault(s => !IsPinSatisfying(s));
                    if (broken != null)
                    {
                        var rejecting = criteria[broken].First(i => !i.Need.IsSatisfiedBy(pins[broken]));
                        throw new PipMustDecideException(
                            $"{pins[broken]} was chosen, but {(rejecting.Parent == null ? "a line" : rejecting.Parent.ToString())} requires {rejecting.Need}: that needs pip's backtracking");
                    }

                    return;
                }

                throw new PipMustDecideException($"no version of {id} here satisfies '{Requirements(id)}' and the interpreter's Python {owner.environment.PythonVersion}: pip decides");
            }

            // resolvelib's _add_to_criteria: the name's requirements grow, and its candidates are found again; false when none is left.
            private async Task<bool> AddAsync(Need need, Pick? parent, CancellationToken cancellation)
            {
                if (!criteria.TryGetValue(need.Identifier, out var information))
                {
                    criteria[need.Identifier] = information = new List<(Need, Pick?)>();
                    order.Add(need.Identifier);
                }

                information.Add((need, parent));
                var matches = await MatchesAsync(need.Identifier, cancellation).ConfigureAwait(false);
                if (matches.Count == 0)
                {
                    return false;
                }

                // pip knows a name has candidates by making its first one (reading its metadata, or building an sdist).
                await matches[0]().ConfigureAwait(false);
                return true;
            }

            // pip's factory.find_candidates: the candidates of a name for all its requirements, best first, one per version, made when asked for.
            private async Task<List<Func<Task<Pick>>>> MatchesAsync(string id, CancellationToken cancellation)
            {
                var needs = criteria[id].Select(i => i.Need).ToList();
                var (project, extras) = Split(id);
                var explicitPicks = needs.OfType<ExactNeed>().Select(n => n.Pick).ToList();
                var specifierNeeds = needs.OfType<SpecifierNeed>().ToList();
                if (extras.Count > 0 && criteria.TryGetValue(project, out var baseInformation))
                {
                    explicitPicks.AddRange(baseInformation.Select(i => i.Need).OfType<ExactNeed>().Select(n => ExtrasOf(n.Pick, extras)));
                    if (SplitsExtras)
                    {
                        specifierNeeds.AddRange(baseInformation.Select(i => i.Need).OfType<SpecifierNeed>());
                    }
                }

                var constraint = constraintsByProject.TryGetValue(project, out var c) ? c : new List<VersionSpecifier>();
                if (explicitPicks.Count > 0)
                {
                    return explicitPicks.Distinct()
                        .Where(p => constraint.All(s => s.Contains(p.Version)) && needs.All(n => n.IsSatisfiedBy(p)))
                        .Select(p => (Func<Task<Pick>>)(() => Task.FromResult(p)))
                        .ToList();
                }

                if (specifierNeeds.Count == 0)
                {
                    return new List<Func<Task<Pick>>>();
                }

                var specifiers = constraint.Concat(specifierNeeds.SelectMany(n => n.Specifier.Specifiers)).ToList();
                var matches = new List<Func<Task<Pick>>>();
                var versions = new HashSet<PackageVersion>();
                var current = installed != null && installed.TryGetValue(project, out var distribution) ? InstalledOf(distribution) : null;
                if (current != null && specifiers.All(s => s.Contains(current.Version)))
                {
                    var kept = Wrap(current, extras);
                    matches.Add(() => Task.FromResult(kept));
                    versions.Add(current.Version);
                }

                var files = await owner.finder.FindAsync(project, cancellation).ConfigureAwait(false);
                foreach (var file in CandidateChoice.Order(files, specifiers))
                {
                    if (versions.Add(file.Version))
                    {
                        matches.Add(async () => Wrap(await FileOf(file, cancellation).ConfigureAwait(false), extras));
                    }
                }

                return matches;
            }

            private bool IsPinSatisfying(string id) => pins.TryGetValue(id, out var pin) && criteria[id].All(i => i.Need.IsSatisfiedBy(pin));

            // pip's PipProvider.get_preference, smaller first (pip 23.0's puts setuptools last, before anything else it weighs). resolvelib hands it the name's requirements as
            // (candidate, ireq) pairs zipped into tuples, so "direct" holds for every name that has a requirement at all.
            private Preference Preference(string id)
            {
                var information = criteria[id];
                var hasInformation = information.Count > 0;
                var operators = information.Select(i => i.Need).OfType<SpecifierNeed>().SelectMany(n => n.Specifier.Specifiers).Select(s => s.Operator).ToList();
                double depth;
                double requestedOrder;
                if (userRequested.TryGetValue(id, out var index))
                {
                    depth = 1.0;
                    requestedOrder = index;
                }
                else
                {
                    requestedOrder = double.PositiveInfinity;
                    depth = hasInformation
                        ? information.Min(i => i.Parent == null ? 0.0 : knownDepths.TryGetValue(i.Parent.Identifier, out var d) ? d : double.PositiveInfinity) + 1.0
                        : double.PositiveInfinity;
                }

                knownDepths[id] = depth;
                var delayed = owner.environment.Pip.DelaysSetuptools && id == "setuptools";
                return new Preference(delayed, !hasInformation, !operators.Any(o => o.StartsWith("==", StringComparison.Ordinal)), depth, requestedOrder, operators.Count == 0, id);
            }

            // A candidate's dependencies as pip's candidates give them: a file's or an installed distribution's Requires-Dist
            // (markers with no extra); an extras pick's exact base, then the Requires-Dist its extras select.
            private IEnumerable<Need> DependenciesOf(Pick pick)
            {
                if (pick is ExtrasPick withExtras)
                {
                    yield return new ExactNeed(withExtras.Base);
                    var valid = withExtras.ValidExtras;
                    foreach (var need in RequiresOf(withExtras.Base, valid.Count > 0 ? valid : NoExtras))
                    {
                        yield return need;
                    }

                    yield break;
                }

                foreach (var need in RequiresOf(pick, NoExtras))
                {
                    yield return need;
                }
            }

            private IEnumerable<Need> RequiresOf(Pick pick, IReadOnlyList<string> extras)
            {
                var lines = pick is FilePick file ? file.Metadata.RequiresDist : ((InstalledPick)pick).Distribution.Requires;
                foreach (var text in lines)
                {
                    var parsed = RequirementsParser.TryParse(new[] { text }, AnyRequirementLine.Instance, out var problems);
                    if (problems.Count > 0 || parsed.Count != 1 || parsed[0].IsOptionLine)
                    {
                        throw new PipMustDecideException($"{pick} declares a dependency CodeEnv cannot read ('{text}'): pip decides");
                    }

                    if (Applies(parsed[0].Marker, extras))
                    {
                        foreach (var need in NeedsOf(parsed[0], $"{pick}'s dependency '{text}'"))
                        {
                            yield return need;
                        }
                    }
                }
            }

            // pip's _make_requirements_from_install_req: from 23.3, name[extras] with a specifier is also the name alone with it.
            private List<SpecifierNeed> NeedsOf(Requirement requirement, string where)
            {
                if (requirement.Url != null)
                {
                    throw new PipMustDecideException($"{where} is a direct reference (a URL or a path): pip decides");
                }

                if (requirement.Specifier.Specifiers.Any(s => s.Comparison == VersionComparison.ArbitraryEqual))
                {
                    throw new PipMustDecideException($"{where} uses === (arbitrary equality): pip decides");
                }

                var project = PackageName.Normalize(requirement.Name!);
                var extras = requirement.Extras.Select(PackageName.Normalize).Distinct().OrderBy(e => e, StringComparer.Ordinal).ToList();
                var text = requirement.Marker == null ? requirement.Line : requirement.Line.Substring(0, requirement.Line.IndexOf(';')).Trim();
                var needs = new List<SpecifierNeed>();
                if (SplitsExtras && extras.Count > 0 && requirement.Specifier.Specifiers.Count > 0)
                {
                    needs.Add(new SpecifierNeed(project, Array.Empty<string>(), requirement.Specifier, project + requirement.Specifier));
                }

                needs.Add(new SpecifierNeed(project, extras, requirement.Specifier, text));
                return needs;
            }

            private void AddConstraint(Requirement constraint)
            {
                RefuseLineOnlyPipReads(constraint, "constraint");
                if (constraint.Url != null || constraint.Extras.Count > 0 || constraint.Specifier.Specifiers.Any(s => s.Comparison == VersionComparison.ArbitraryEqual))
                {
                    throw new PipMustDecideException($"constraint {constraint.LineNumber} '{constraint.Line}' has a URL, extras or ===: pip decides");
                }

                if (Applies(constraint.Marker, NoExtras))
                {
                    var project = PackageName.Normalize(constraint.Name!);
                    if (!constraintsByProject.TryGetValue(project, out var specifiers))
                    {
                        constraintsByProject[project] = specifiers = new List<VersionSpecifier>();
                    }

                    specifiers.AddRange(constraint.Specifier.Specifiers);
                }
            }

            private static void RefuseLineOnlyPipReads(Requirement line, string what)
            {
                if (line.IsOptionLine || line.Options.Count > 0)
                {
                    throw new PipMustDecideException($"{what} {line.LineNumber} '{line.Line}' carries pip options: pip decides");
                }
            }

            // pip's match_markers: a marker holds when it holds for one of the extras asked for, or for no extra.
            private bool Applies(Marker? marker, IReadOnlyList<string> extras) =>
                marker == null || extras.Any(extra => marker.Evaluate(MarkersWith(extra)));

            private static readonly IReadOnlyList<string> NoExtras = new[] { "" };

            private Dictionary<string, string> MarkersWith(string extra)
            {
                if (!markersByExtra.TryGetValue(extra, out var values))
                {
                    values = owner.environment.Markers.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                    values["extra"] = extra;
                    markersByExtra[extra] = values;
                }

                return values;
            }

            private async Task<Pick> FileOf(CandidateFile file, CancellationToken cancellation)
            {
                if (!fileCandidates.TryGetValue(file.Url, out var pick))
                {
                    pick = new FilePick(file, await owner.metadata.ReadAsync(file, cancellation).ConfigureAwait(false));
                    fileCandidates[file.Url] = pick;
                }

                return pick;
            }

            private InstalledPick? InstalledOf(CurrentDistribution distribution)
            {
                var project = PackageName.Normalize(distribution.Name);
                if (!installedCandidates.TryGetValue(project, out var pick))
                {
                    if (!PackageVersion.TryParse(distribution.Version, out var version))
                    {
                        throw new PipMustDecideException($"the installed {distribution.Name} has the version '{distribution.Version}', which is not PEP 440: pip decides");
                    }

                    installedCandidates[project] = pick = new InstalledPick(distribution, version!);
                }

                return pick;
            }

            private Pick Wrap(Pick basePick, IReadOnlyList<string> extras) => extras.Count == 0 ? basePick : ExtrasOf(basePick, extras);

            private ExtrasPick ExtrasOf(Pick basePick, IReadOnlyList<string> extras)
            {
                var key = (basePick is FilePick file ? file.File.Url : "installed:" + basePick.Project) + "|" + string.Join(",", extras);
                if (!extrasCandidates.TryGetValue(key, out var pick))
                {
                    extrasCandidates[key] = pick = new ExtrasPick(basePick, extras);
                }

                return pick;
            }

            private static (string Project, IReadOnlyList<string> Extras) Split(string id)
            {
                var bracket = id.IndexOf('[');
                return bracket < 0 ? (id, Array.Empty<string>()) : (id.Substring(0, bracket), id.Substring(bracket + 1, id.Length - bracket - 2).Split(','));
            }

            private string Requirements(string id) => string.Join(", ", criteria[id].Select(i => i.Need.ToString()).Distinct());

            private List<ResolvedDistribution> Distributions() => pinOrder
                .Select(id => pins[id])
                .Where(p => !(p is ExtrasPick))
                .Select(p => p is FilePick file
                    ? new ResolvedDistribution(p.Project, p.Version.ToString(), file.File.FileName, file.File.LocalPath ?? file.File.Url, file.File.Sha256 ?? (file.File.LocalPath == null ? null : Sha256Hex.OfFile(file.File.LocalPath)), requestedProjects.Contains(p.Project), false, file.Metadata.License)
                    : new ResolvedDistribution(p.Project, p.Version.ToString(), null, null, null, requestedProjects.Contains(p.Project), true))
                .ToList();

            // What pip check would report of the env after installing the new set, where either side of a requirement is new.
            private List<string> UnmetRequirements()
            {
                var after = installed!.ToDictionary(d => d.Key, d => (Version: d.Value.Version, Requires: d.Value.Requires, IsNew: false), StringComparer.Ordinal);
                foreach (var pick in pins.Values.Where(p => !(p is ExtrasPick)))
                {
                    after[pick.Project] = pick is FilePick file ? (pick.Version.ToString(), file.Metadata.RequiresDist, true) : (pick.Version.ToString(), ((InstalledPick)pick).Distribution.Requires, false);
                }

                var unmet = new List<string>();
                foreach (var distribution in after.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    foreach (var requirement in RequirementsParser.TryParse(distribution.Value.Requires, AnyRequirementLine.Instance, out _).Where(r => !r.IsOptionLine && Applies(r.Marker, NoExtras)))
                    {
                        var dependency = PackageName.Normalize(requirement.Name!);
                        var found = after.TryGetValue(dependency, out var d);
                        if (!distribution.Value.IsNew && !(found && d.IsNew))
                        {
                            continue;
                        }

                        var who = $"{distribution.Key} {distribution.Value.Version}";
                        if (!found)
                        {
                            unmet.Add($"{who} requires {requirement.Line}, which would not be installed");
                        }
                        else if (requirement.Url == null && PackageVersion.TryParse(d.Version, out var version) && !requirement.Specifier.Contains(version!))
                        {
                            unmet.Add($"{who} requires {requirement.Line}, but {dependency} {d.Version} would be installed");
                        }
                    }
                }

                return unmet;
            }
        }

        /// <summary>pip's preference key, compared field by field as Python compares tuples.</summary>
        private readonly struct Preference : IComparable<Preference>
        {
            private readonly bool delayed;
            private readonly bool notDirect;
            private readonly bool notPinned;
            private readonly double depth;
            private readonly double requestedOrder;
            private readonly bool free;
            private readonly string identifier;

            public Preference(bool delayed, bool notDirect, bool notPinned, double depth, double requestedOrder, bool free, string identifier)
            {
                this.delayed = delayed;
                this.notDirect = notDirect;
                this.notPinned = notPinned;
                this.depth = depth;
                this.requestedOrder = requestedOrder;
                this.free = free;
                this.identifier = identifier;
            }

            public int CompareTo(Preference other)
            {
                var order = delayed.CompareTo(other.delayed);
                order = order != 0 ? order : notDirect.CompareTo(other.notDirect);
                order = order != 0 ? order : notPinned.CompareTo(other.notPinned);
                order = order != 0 ? order : depth.CompareTo(other.depth);
                order = order != 0 ? order : requestedOrder.CompareTo(other.requestedOrder);
                order = order != 0 ? order : free.CompareTo(other.free);
                return order != 0 ? order : string.CompareOrdinal(identifier, other.identifier);
            }
        }
    }
}
