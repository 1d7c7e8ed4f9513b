using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Licenses;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.Resolution;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Makes a new venv generation hold an env's lines without pip where no decision needs pip: the resolver chooses the
    /// files as pip would (only what changed, when the env has a set to keep), each file is fetched once into the package
    /// store and checked against every hash known for it (the index's, the lock's), and the stored trees are linked into
    /// the venv by the native installer. Where pip must decide (an sdist to build, a conflict that needs backtracking, a
    /// direct reference, pip options), it says why and installs nothing, and the caller runs pip as before.
    /// </summary>
    internal sealed class StoreInstall
    {
        // sdists built for one choice before pip's own resolution takes over: a chain of sdists, each found only once the
        // one before it is read, is built a few at a time, never without end.
        private const int MaxSdistBuilds = 10;

        private readonly EngineContext context;
        private readonly IOperationReporter reporter;
        private readonly PackageStore store;

        public StoreInstall(EngineContext context, IOperationReporter reporter)
        {
            this.context = context;
            this.reporter = reporter;
            store = new PackageStore(context.Paths);
        }

        /// <summary>
        /// Installs <paramref name="lines"/> into <paramref name="venv"/> from the store and gives each distribution's
        /// artifact, by normalized name; or null, with the reason in the log and in Verbose, when pip must install them.
        /// </summary>
        public async Task<IReadOnlyDictionary<string, LockedArtifact>?> TryAsync(StoreInstallRequest request, OperationLog log, CancellationToken cancellation)
        {
            if (!VenvGenerations.Supported)
            {
                return PipInstalls("pip installs on this platform (venvs cannot be switched to here)", log);
            }

            var parsed = RequirementsParser.TryParse(request.Lines, AnyRequirementLine.Instance, out var problems);
            var constraints = RequirementsParser.TryParse(request.Constraints, AnyRequirementLine.Instance, out var constraintProblems);
            if (problems.Count > 0 || constraintProblems.Count > 0)
            {
                return await PipChoosesAsync("a line is not one the resolver reads", request, log, cancellation).ConfigureAwait(false);
            }

            var sources = CandidateSources.ForRoot(context.Paths, request.Sources);
            reporter.Progress(request.Activity, "Choosing the packages", 40);
            // The lines pip would have been given, and where they are looked for, as pip's log says it.
            log.Line("> installing from the package store: " + string.Join(" ", request.Lines));
            var folders = sources.FindLinks.Select(l => PackageSources.IsUrl(l) ? SourceSecrets.Redact(l) : l).ToList();
            if (sources.IndexUrls.Count > 0)
            {
                log.Line("Looking in indexes: " + string.Join(", ", sources.IndexUrls.Select(SourceSecrets.Redact)));
            }

            if (folders.Count > 0)
            {
                log.Line("Looking in links: " + string.Join(", ", folders));
            }

            using (var fetcher = new HttpUrlFetcher(sources.Urls))
            {
                var environment = await ResolverEnvironment.ForVenvAsync(context.Processes, VenvLayout.Python(request.Venv), request.Markers, cancellation).ConfigureAwait(false);
                if (!request.Markers.TryGetValue("python_full_version", out var pythonText) || !PackageVersion.TryParse(pythonText, out var pythonVersion))
                {
                    return await PipChoosesAsync("the interpreter's version is not known", request, log, cancellation).ConfigureAwait(false);
                }

                var finder = new CandidateFinder(sources, fetcher, environment.Tags, pythonVersion!);
                var tag = environment.Tags.MostPreferred;
                var resolver = new GreedyResolver(finder, new CandidateMetadataReader(fetcher, (file, _) => Task.FromResult(StoredMetadata(file, tag))), environment);
                // Each current package whose locked file the store holds, looked up once: the update's hot path asks per package.
                var kept = (request.Current ?? new CurrentPackage[0])
                    .Select(p => (Package: p, Wheel: p.Artifact == null ? null : store.Find(p.Artifact.Sha256)))
                    .Where(k => k.Wheel != null)
                    .Select(k => (k.Package, k.Wheel!))
                    .ToList();
                var (outcome, how) = await ResolveAsync(resolver, request, kept, parsed, constraints, cancellation).ConfigureAwait(false);
                // An sdist the resolver needs is built into the store once, where pip's dry run would build its metadata in
                // one build environment and pip wheel the wheel in another; the resolver then reads the built wheel.
                for (var built = 0; !outcome.IsResolved && outcome.SdistToBuild != null && built < MaxSdistBuilds && request.Pip != null && tag != null && Sha256Of(outcome.SdistToBuild) != null; built++)
                {
                    var sdist = outcome.SdistToBuild;
                    reporter.Verbose($"{outcome.PipMustDecideReason}: building {sdist.FileName} once into the package store, then choosing again.");
                    var url = sdist.LocalPath != null ? new Uri(Path.GetFullPath(sdist.LocalPath)).AbsoluteUri : sdist.Url;
                    await new PipChosenInstall(context, reporter, store, request.Pip).BuildSdistAsync(sdist.Project, sdist.Version.ToString(), url, Sha256Of(sdist)!, tag, request, fetcher, log, cancellation).ConfigureAwait(false);
                    (outcome, how) = await ResolveAsync(resolver, request, kept, parsed, constraints, cancellation).ConfigureAwait(false);
                }

                if (!outcome.IsResolved)
                {
                    // A lock is its own resolution: when the sources no longer serve its files, the store may still hold them all.
                    return await LockedFromStoreAsync(request, tag, outcome.PipMustDecideReason!, log, cancellation).ConfigureAwait(false)
                        ?? await PipChoosesAsync(outcome.PipMustDecideReason!, request, log, cancellation).ConfigureAwait(false);
                }

                // The resolver took each name only where the root's index rules allow; what it chose must not be denied.
                new DenyList(request.DeniedPackages).RequireAllowed(outcome.Distributions.Select(d => (d.Name, d.Version)), Refused(log));
                var tooling = outcome.Distributions.Where(d => InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(d.Name))).Select(d => d.Name).ToList();
                if (tooling.Count > 0)
                {
                    return PipInstalls($"the lines ask for the venv's own tooling ({string.Join(", ", tooling)}), which pip replaces in place", log);
                }

                // The root's allow list, before any file is fetched: the resolver read each chosen file's metadata, and a
                // version kept as installed has its METADATA in the venv that serves.
                new AllowedLicenses(context.Settings().AllowedLicenses).Require(
                    request.Name,
                    outcome.Distributions.Select(d => (d.Name, d.Version, d.License ?? DistributionLicense.FromMetadataFile(kept.FirstOrDefault(k => SameDistribution(k.Package, d)).Package?.Distribution.MetadataFile))));

                var chosen = new List<(ResolvedDistribution Distribution, StoredWheel Wheel, LockedArtifact Artifact)>();
                var trees = new List<StoredTree>();
                try
                {
                    foreach (var distribution in outcome.Distributions)
                    {
                        reporter.Progress(request.Activity, "Processing " + (distribution.FileName ?? $"{distribution.Name} {distribution.Version} (installed)"), 60);
                        var (wheel, artifact) = await StoredAsync(distribution, kept, fetcher, tag, cancellation).ConfigureAwait(false);
                        chosen.Add((distribution, wheel, artifact));
                        trees.Add(store.Tree(wheel.Sha256));
                    }
                }
                catch (CodeEnvException refused) when (WheelRefusal.IsRefusal(refused))
                {
                    // The store keeps only wheels that are exactly what they say; pip installs others, as it always did.
                    return PipInstalls(refused.Message, log);
                }

                var artifacts = chosen.ToDictionary(c => PackageName.Normalize(c.Distribution.Name), c => c.Artifact, StringComparer.Ordinal);
                var mismatch = request.Expected == null ? null : ArtifactCheck.FirstMismatch(request.Expected, artifacts);
                if (mismatch != null)
                {
                    log.Line("> " + mismatch.Message);
                    throw mismatch;
                }

                var wheels = chosen.Select((c, i) => new WheelInstallRequest(trees[i], c.Distribution.Requested)).ToList();
                var installed = await new WheelInstaller(store, context.Processes).InstallAsync(request.Venv, wheels, context.Settings().LinkMode, cancellation).ConfigureAwait(false);
                var said = $"Installed {installed.Count} packages from the package store without pip ({how}; {installed.Sum(w => w.Linked)} files linked, {installed.Sum(w => w.Copied)} copied, {installed.Sum(w => w.Written)} written).";
                log.Line(said);
                log.Line("Successfully installed " + string.Join(" ", installed.Select(w => w.Name + "-" + w.Version)));
                return artifacts;
            }
        }

        /// <summary>
        /// What to install: with a set to keep, pip's in-place choice (installed versions stay where they still satisfy);
        /// where that leaves a requirement unmet or the set's files are not all stored, the whole choice from nothing.
        /// </summary>
        /// <param name="kept">The current packages whose locked files the store holds.</param>
        private async Task<(ResolutionOutcome Outcome, string How)> ResolveAsync(GreedyResolver resolver, StoreInstallRequest request, IReadOnlyList<(CurrentPackage Package, StoredWheel Wheel)> kept, IReadOnlyList<Requirement> lines, IReadOnlyList<Requirement> constraints, CancellationToken cancellation)
        {
            if (request.Current != null && request.Current.All(p => kept.Any(k => k.Package == p) || InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(p.Package.Name))))
            {
                var installed = request.Current.Select(p => new CurrentDistribution(p.Package.Name, p.Package.Version, p.Requires)).ToList();
                var changes = await resolver.ResolveChangesAsync(installed, lines, constraints, cancellation).ConfigureAwait(false);
                if (changes.IsResolved && changes.RequirementsMet && changes.Distributions.Where(d => d.AlreadyInstalled).All(d => kept.Any(k => SameDistribution(k.Package, d))))
                {
                    var keptCount = changes.Distributions.Count(d => d.AlreadyInstalled);
                    return (changes, $"only what changed was chosen: {keptCount} installed versions kept, {changes.Distributions.Count - keptCount} chosen anew");
                }

                reporter.Verbose(changes.IsResolved
                    ? "The changed lines leave requirements of the current set unmet (" + string.Join("; ", changes.UnmetRequirements) + "); choosing the whole set anew."
                    : "Choosing only what changed needs pip (" + changes.PipMustDecideReason + "); choosing the whole set anew.");
            }

            var whole = await resolver.ResolveAsync(lines, constraints, cancellation).ConfigureAwait(false);
            return (whole, $"the whole set of {lines.Count} lines chosen as pip would");
        }

        /// <summary>The stored wheel of a chosen distribution, fetched into the store first when it is not there, and its lock record.</summary>
        private async Task<(StoredWheel Wheel, LockedArtifact Artifact)> StoredAsync(ResolvedDistribution distribution, IReadOnlyList<(CurrentPackage Package, StoredWheel Wheel)> kept, HttpUrlFetcher fetcher, string? tag, CancellationToken cancellation)
        {
            if (distribution.AlreadyInstalled)
            {
                var same = kept.First(k => SameDistribution(k.Package, distribution));
                return (same.Wheel, same.Package.Artifact!);
            }

            var location = Uri.TryCreate(distribution.Location, UriKind.Absolute, out var absolute) && !absolute.IsFile ? distribution.Location! : new Uri(Path.GetFullPath(distribution.Location!)).AbsoluteUri;
            if (distribution.FileName != null && !distribution.FileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
            {
                // An sdist the resolver read through the wheel built from it (its sha256 was checked when it was built);
                // the lock records the sdist, as the source served it.
                var built = distribution.Sha256 == null || tag == null ? null : new SdistBuilds(store).Find(distribution.Sha256, tag);
                if (built == null)
                {
                    throw new CodeEnvException(ErrorIds.PythonCommandFailed, $"{distribution.Name} {distribution.Version}: the wheel built from {distribution.FileName} left the package store while this update ran (a prune?). Run the update again.", distribution.Name);
                }

                return (built, new LockedArtifact { FileName = distribution.FileName, Url = SourceSecrets.WithoutCredentials(location), Sha256 = distribution.Sha256! });
            }

            var stored = (distribution.Sha256 == null ? null : store.Find(distribution.Sha256))
                ?? await WheelDownload.IntoStoreAsync(fetcher, store, distribution.Location!, distribution.FileName ?? Path.GetFileName(distribution.Location!), distribution.Sha256, $"{distribution.Name} {distribution.Version}", cancellation).ConfigureAwait(false)
                ?? throw new CodeEnvException(
                    ErrorIds.PythonCommandFailed,
                    $"{distribution.Name} {distribution.Version}: '{SourceSecrets.Redact(distribution.Location!)}' was listed by its source but is not there (404). Run the update again; if it persists, the source is inconsistent.",
                    distribution.Name);
            return (stored, new LockedArtifact { FileName = distribution.FileName ?? stored.FileName, Url = SourceSecrets.WithoutCredentials(location), Sha256 = stored.Sha256 });
        }

        // Streamed into the store as it arrives (a wheel may be gigabytes), its sha256 checked against the source's.
        /// <summary>
        /// A locked install whose sources cannot give the lock's set any more (a file deleted from a wheelhouse or an
        /// index, an archived env brought back offline): when the store holds every locked file (a wheel by its sha256, an
        /// sdist by the wheel built from it for this interpreter), exactly those are installed, as the lock says; else null.
        /// Each file was chosen under the root's rules when it was locked; the deny list and the check of the new venv
        /// still apply after the install, and the allow list of licenses here.
        /// </summary>
        private async Task<IReadOnlyDictionary<string, LockedArtifact>?> LockedFromStoreAsync(StoreInstallRequest request, string? tag, string unresolved, OperationLog log, CancellationToken cancellation)
        {
            var locked = (request.Expected ?? new LockedPackage[0]).Where(p => !InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(p.Name))).ToList();
            if (request.Expected == null || locked.Count == 0 || tag == null)
            {
                return null;
            }

            var chosen = new List<(LockedPackage Package, StoredWheel Wheel)>();
            foreach (var package in locked)
            {
                var artifact = package.Artifact;
                var wheel = artifact == null || string.IsNullOrEmpty(artifact.Sha256) ? null
                    : (artifact.FileName ?? "").EndsWith(".whl", StringComparison.OrdinalIgnoreCase) ? store.Find(artifact.Sha256)
                    : new SdistBuilds(store).Find(artifact.Sha256, tag);
                if (wheel == null)
                {
                    return null;
                }

                chosen.Add((package, wheel));
            }

            var trees = chosen.Select(c => store.Tree(c.Wheel.Sha256)).ToList();
            new AllowedLicenses(context.Settings().AllowedLicenses).Require(
                request.Name,
                chosen.Select((c, i) => (c.Package.Name, c.Package.Version, DistributionLicense.FromMetadataFile(Path.Combine(trees[i].Folder, trees[i].DistInfo, "METADATA")))));
            reporter.Verbose($"The sources cannot give the lock's set ({unresolved}); the package store holds all {chosen.Count} of its files, so exactly those are installed.");
            var wheels = chosen.Select((c, i) => new WheelInstallRequest(trees[i], c.Package.Requested)).ToList();
            var installed = await new WheelInstaller(store, context.Processes).InstallAsync(request.Venv, wheels, context.Settings().LinkMode, cancellation).ConfigureAwait(false);
            log.Line($"Installed {installed.Count} locked packages from the package store without pip (the sources no longer give them: {unresolved}).");
            log.Line("Successfully installed " + string.Join(" ", installed.Select(w => w.Name + "-" + w.Version)));
            return chosen.ToDictionary(c => PackageName.Normalize(c.Package.Name), c => c.Package.Artifact!, StringComparer.Ordinal);
        }

        /// <summary>The METADATA of a candidate the store holds, so the resolver reads no archive twice.</summary>
        private string? StoredMetadata(CandidateFile file, string? tag)
        {
            var wheel = file.IsWheel ? (file.Sha256 == null ? null : store.Find(file.Sha256))
                : tag == null || Sha256Of(file) == null ? null : new SdistBuilds(store).Find(Sha256Of(file)!, tag);
            if (wheel == null)
            {
                return null;
            }

            var tree = store.Tree(wheel.Sha256);
            var metadata = Path.Combine(tree.Folder, tree.DistInfo, "METADATA");
            return File.Exists(metadata) ? File.ReadAllText(metadata) : null;
        }

        // A file's sha256 as its source gives it, or as its bytes are where it is a local file (the finder gives none for those).
        private static string? Sha256Of(CandidateFile file) => file.Sha256 ?? (file.LocalPath == null ? null : Sha256Hex.OfFile(file.LocalPath));

        private static bool SameDistribution(CurrentPackage package, ResolvedDistribution distribution) =>
            PackageName.Normalize(package.Package.Name) == PackageName.Normalize(distribution.Name)
            && PackageVersion.TryParse(package.Package.Version, out var installed) && PackageVersion.TryParse(distribution.Version, out var chosen)
            && installed!.CompareTo(chosen!) == 0;

        /// <summary>Where the resolver hands over: pip chooses the set and the store installs it (<see cref="PipChosenInstall"/>), unless pip must install it too.</summary>
        private async Task<IReadOnlyDictionary<string, LockedArtifact>?> PipChoosesAsync(string reason, StoreInstallRequest request, OperationLog log, CancellationToken cancellation)
        {
            if (request.Pip == null)
            {
                return PipInstalls(reason, log);
            }

            var (artifacts, refusal) = await new PipChosenInstall(context, reporter, store, request.Pip).TryAsync(request, reason, log, cancellation).ConfigureAwait(false);
            return artifacts ?? PipInstalls(refusal!, log);
        }

        /// <summary>What a refusal of the chosen set says happened, and where the choice is written down.</summary>
        internal static string Refused(OperationLog log) =>
            $"it was chosen for this env. Nothing was installed, and the env keeps the venv it had. Change the lines that bring it in (the choice is in '{log.Path}'), or ask an administrator about the root's rules (Get-CodeEnvRoot).";

        private IReadOnlyDictionary<string, LockedArtifact>? PipInstalls(string reason, OperationLog log)
        {
            log.Line($"pip installs this set: {reason}.");
            return null;
        }
    }
}
