using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Makes an env's venv hold its base and requested lines: decides without pip when they are satisfied already,
    /// else runs pip, and records the outcome. Creation installs through the same <see cref="InstallAsync"/>, so both
    /// leave the same installed.json.
    /// </summary>
    internal sealed class Updater
    {
        private const string UpdateActivity = "Update-CodeEnv";

        private readonly EngineContext context;

        public Updater(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>
        /// Saves and updates: makes the venv hold the env's base and requested lines, running pip only when the
        /// installed set does not already satisfy them. When pip must run, the next venv generation is built beside the
        /// one that serves, checked, and only then switched to; success records installed.json and marks the env Ready, a
        /// failure keeps the lists, marks it Failed and leaves the current venv serving, a stop marks it Outdated. The venv
        /// lock is held throughout; the env's metadata lock only for the moments its files change, so other jobs may edit
        /// the lists meanwhile (the env then ends Outdated, not Ready, since what was installed is no longer what is asked for).
        /// </summary>
        public async Task<EnvironmentInfo> UpdateAsync(string name, UpdateOptions options, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = context.Canonical(name);
            var settings = context.Settings();
            using (var venvLock = context.Locks.AcquireVenv(canonical, UpdateActivity, settings, reporter, cancellation))
            using (var lockHolds = new LockHoldReport(UpdateActivity, canonical, reporter))
            {
                EnvironmentDefinition definition;
                using (context.Locks.Acquire(canonical, UpdateActivity, settings, reporter, cancellation, lockHolds))
                {
                    definition = context.Store.Read(canonical);
                    AccessPolicy.Require(definition, settings, context.Caller, EnvironmentRight.UpdatePackages, "update");
                    RegisteredVenvs.RequireManaged(definition, UpdateActivity);
                    Archiving.RequireActive(context, canonical, UpdateActivity);
                }

                var allowed = Freezing.OptionsFor(context, definition, options, UpdateActivity, reporter);
                if (allowed == null)
                {
                    return context.Info(definition);
                }

                return await UpdateHeldAsync(definition, settings, allowed, venvLock.RecordChild, lockHolds, reporter, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The update itself, for a caller that holds the env's venv lock and has checked the caller's right; the metadata
        /// lock it takes to record the state counts in the caller's <paramref name="lockHolds"/>.
        /// </summary>
        public async Task<EnvironmentInfo> UpdateHeldAsync(EnvironmentDefinition definition, RootSettingsDocument settings, UpdateOptions options, Action<int> childStarted, LockHoldReport lockHolds, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = definition.Name;
            var replaced = options.Rebuild ? null : ServingVenvProblem(definition);
            if (replaced != null)
            {
                throw new CodeEnvException(
                    ErrorIds.VenvInterpreterReplaced,
                    $"The venv of '{canonical}' was changed by hand: {replaced}. CodeEnv will not run it. Make the venv anew with Update-CodeEnv -Name {canonical} -Rebuild.",
                    canonical);
            }

            // Both the python that serves and its stable entry point: a venv missing either is built anew.
            var serving = File.Exists(VenvLayout.Python(context.ServingVenv(definition))) && File.Exists(VenvLayout.Python(context.VenvOf(definition)));
            if (!options.Upgrade && !options.Rebuild && options.Constraints.Count == 0 && serving)
            {
                var (satisfied, record) = await SatisfiedWithoutPipAsync(definition, settings, options, reporter, cancellation).ConfigureAwait(false);
                if (satisfied)
                {
                    return RecordState(definition, record, EnvironmentState.Ready, null, settings, lockHolds, reporter);
                }
            }

            RecordState(definition, null, EnvironmentState.Updating, null, settings, lockHolds, reporter);
            try
            {
                BuiltVenv built;
                using (var log = new OperationLog(context.Paths.LogsFolder(canonical), "update", context.Clock.UtcNow, reporter, SecretRedactor.Of(context.Paths).Redact))
                {
                    var interpreter = await InterpreterOfAsync(definition, cancellation).ConfigureAwait(false);
                    built = await BuildAsync(definition, settings, interpreter, options, UpdateActivity, log, reporter, childStarted, cancellation).ConfigureAwait(false);
                }

                Activate(definition.Name, built, settings, reporter);
                return RecordState(definition, built.Installed, EnvironmentState.Ready, null, settings, lockHolds, reporter);
            }
            catch (Exception failure)
            {
                var stopped = failure is OperationCanceledException || (failure is CodeEnvException e && e.Kind == ErrorKind.Stopped);
                var stillServing = serving && VenvGenerations.Supported ? " The env keeps serving the venv it had." : "";
                RecordState(
                    definition,
                    null,
                    stopped ? EnvironmentState.Outdated : EnvironmentState.Failed,
                    (stopped ? $"Update-CodeEnv was stopped at {context.Clock.UtcNow:u}; run it again to finish." : "Update-CodeEnv failed: " + failure.Message) + stillServing,
                    settings,
                    lockHolds,
                    reporter);
                if (failure is CodeEnvException || failure is OperationCanceledException)
                {
                    throw;
                }

                throw EngineContext.Unexpected(failure, canonical, "update");
            }
            finally
            {
                reporter.ProgressCompleted(UpdateActivity);
            }
        }

        /// <summary>
        /// Records an update's state (Updating, then its outcome) under the env's metadata lock, on the definition as it is now, and
        /// installed.json when there is one to record. Ready becomes Outdated when the lists changed meanwhile. The lock is
        /// taken in the name of the operation of <paramref name="lockHolds"/> (an update or a restore), and counted there.
        /// </summary>
        public EnvironmentInfo RecordState(EnvironmentDefinition built, InstalledLock? installed, EnvironmentState state, string? detail, RootSettingsDocument settings, LockHoldReport lockHolds, IOperationReporter reporter)
        {
            using (context.Locks.Acquire(built.Name, lockHolds.Operation, settings, reporter, CancellationToken.None, lockHolds))
            {
                var current = context.Store.Read(built.Name);
                if (installed != null)
                {
                    context.Store.WriteInstalled(installed);
                }

                if (state == EnvironmentState.Ready && current.Revision != built.Revision)
                {
                    state = EnvironmentState.Outdated;
                    detail = $"The package lists changed (revision {current.Revision}) while revision {built.Revision} was being installed; Update-CodeEnv installs them.";
                }

                var stored = context.Store.ReadStatus(built.Name);
                if (stored.State != state || stored.Detail != detail)
                {
                    context.WriteStatus(current, state, detail);
                }

                context.KernelSpecs.Follow(current, state, settings);

                return context.Info(current);
            }
        }

        /// <summary>
        /// Builds the next venv generation beside the one that serves (in place on Windows), installs every line with pip,
        /// applies -Sync, checks that every line and dependency is satisfied, and records what it holds. Nothing serves
        /// from it until <see cref="Activate"/>; a build that fails is removed and changes nothing. Shared by creation,
        /// update and restore, so all leave the same installed.json.
        /// </summary>
        public async Task<BuiltVenv> BuildAsync(EnvironmentDefinition definition, RootSettingsDocument settings, PythonInterpreter interpreter, UpdateOptions options, string activity, OperationLog log, IOperationReporter reporter, Action<int> childStarted, CancellationToken cancellation)
        {
            var name = definition.Name;
            var generations = context.Generations;
            var (generation, venv) = VenvGenerations.Supported ? generations.Begin(name) : (0, InPlace(name));
            try
            {
                // From choosing stored wheels until the generation's record names them: a prune keeps what a record names.
                using (new Wheels.PackageStore(context.Paths).Lease(LockHolder.ThisProcess(activity, context.Caller.UserName, context.Clock.UtcNow), EngineContext.LockTimeout(settings), cancellation, reporter))
                {
                    var installed = await InstallAsync(definition, settings, interpreter, options, activity, venv, log, reporter, childStarted, cancellation).ConfigureAwait(false);
                    if (VenvGenerations.Supported)
                    {
                        await RunGateAsync(definition, venv, log, reporter, cancellation).ConfigureAwait(false);
                    }

                    installed.VenvSizeBytes = VenvGenerations.SizeOf(venv);
                    if (VenvGenerations.Supported)
                    {
                        generations.Complete(name, generation, installed);
                    }

                    return new BuiltVenv(generation, venv, installed);
                }
            }
            catch
            {
                if (VenvGenerations.Supported)
                {
                    generations.SweepIncomplete(name);
                }

                throw;
            }
        }

        /// <summary>
        /// The env's init script, then its smoke test, in a generation just built; one that fails is moved to the env's
        /// failed folder for inspection (<see cref="GenerationGate.KeepFailed"/>), and nothing is switched to.
        /// </summary>
        private async Task RunGateAsync(EnvironmentDefinition definition, string venv, OperationLog log, IOperationReporter reporter, CancellationToken cancellation)
        {
            var gate = new GenerationGate(context);
            try
            {
                await gate.RunInitScriptAsync(definition, venv, log, reporter, cancellation).ConfigureAwait(false);
                await gate.RunSmokeTestAsync(definition, venv, log, reporter, cancellation).ConfigureAwait(false);
            }
            catch (CodeEnvException e) when (e.ErrorId == ErrorIds.InitScriptFailed.Id || e.ErrorId == ErrorIds.SmokeTestFailed.Id)
            {
                gate.KeepFailed(definition.Name, venv);
                throw;
            }
        }

        /// <summary>
        /// A restore that switches to a kept generation runs the env's smoke test in it first: the test is the env's current
        /// gate, whatever the generation passed when it was built. A failure leaves the kept generation where it is.
        /// </summary>
        public async Task RequireSmokeTestAsync(EnvironmentDefinition definition, string venv, string activity, IOperationReporter reporter, CancellationToken cancellation)
        {
            if (definition.Runtime.SmokeTest == null && definition.Runtime.SmokeTestScript == null)
            {
                return;
            }

            using (var log = new OperationLog(context.Paths.LogsFolder(definition.Name), activity == UpdateActivity ? "update" : "restore", context.Clock.UtcNow, reporter, SecretRedactor.Of(context.Paths).Redact))
            {
                await new GenerationGate(context).RunSmokeTestAsync(definition, venv, log, reporter, cancellation, keptAt: venv).ConfigureAwait(false);
            }
        }

        /// <summary>Makes a built generation the one that serves, in one step, and lets go of the generations beyond the root's KeptVenvs.</summary>
        public void Activate(string name, BuiltVenv built, RootSettingsDocument settings, IOperationReporter reporter)
        {
            if (!VenvGenerations.Supported)
            {
                return;
            }

            var watch = System.Diagnostics.Stopwatch.StartNew();
            context.Generations.SwitchTo(name, built.Generation);
            reporter.Verbose($"'{name}' now runs venv generation {built.Generation} ({built.Folder}); switched in {watch.Elapsed.TotalMilliseconds:0.0} ms. Processes started before keep the venv they started in.");
            context.WriteDiskUse(name, context.Generations.Prune(name, settings.KeptVenvs));
        }

        private async Task<InstalledLock> InstallAsync(EnvironmentDefinition definition, RootSettingsDocument settings, PythonInterpreter interpreter, UpdateOptions options, string activity, string venv, OperationLog log, IOperationReporter reporter, Action<int> childStarted, CancellationToken cancellation)
        {
            var name = definition.Name;
            // A line that requests a denied name is refused before a venv is even laid out.
            new DenyList(settings.DeniedPackages).RequireAllowed(RequirementsParser.TryParse(EnvironmentRequirements.AllLines(definition, settings), AnyRequirementLine.Instance, out _));
            var builder = new VenvBuilder(context.Processes, reporter, activity, childStarted);
            await new VenvSeeds(context.Paths, builder).CreateAsync(interpreter, venv, log, cancellation, settings.LinkMode).ConfigureAwait(false);
            var python = VenvLayout.Python(venv);
            var lines = EnvironmentRequirements.AllLines(definition, settings);
            IReadOnlyDictionary<string, LockedArtifact>? artifacts = new Dictionary<string, LockedArtifact>();
            var servingLock = context.Store.ReadInstalled(name);
            // The new venv's interpreter is the env's: the lock's values serve when it recorded them for it.
            var markers = await MarkerValuesAsync(definition, servingLock, python, cancellation).ConfigureAwait(false);
            if (lines.Count > 0)
            {
                artifacts = await new StoreInstall(context, reporter).TryAsync(
                    new StoreInstallRequest
                    {
                        Activity = activity,
                        Name = name,
                        Venv = venv,
                        Lines = lines,
                        Constraints = options.Constraints,
                        Sources = settings.PackageSources,
                        DeniedPackages = settings.DeniedPackages,
                        Markers = markers,
                        Current = options.Upgrade || options.Rebuild ? null : CurrentPackages(definition, servingLock),
                        Expected = options.ExpectedArtifacts,
                        Pip = builder,
                    },
                    log,
                    cancellation).ConfigureAwait(false);
            }

            if (lines.Count > 0 && artifacts == null)
            {
                // Kept beside the log: exactly what pip was given, for whoever reads the log later.
                var (requirementsFile, constraintsFile) = PipInputFiles.Write(log, lines, options.Constraints);

                // Written inside the generation (the one folder a sandboxed pip may write), then kept beside the log.
                var reportFile = PipInstallReport.Supported(venv) ? Path.Combine(venv, "codeenv-pip-report.json") : null;
                await builder.InstallAsync(python, requirementsFile, constraintsFile, options.Upgrade, context.Paths, settings.PackageSources, log, cancellation, reportFile).ConfigureAwait(false);
                if (reportFile != null && File.Exists(reportFile))
                {
                    var kept = Path.ChangeExtension(log.Path, ".report.json");
                    File.Move(reportFile, kept);
                    var items = PipInstallReport.ReadItems(kept);
                    // pip has installed, but only into the new venv, which nothing serves from until it is switched to.
                    await RootRulesCheck.RequireAllowedAsync(context.Paths, settings.PackageSources, settings.DeniedPackages, items, PipInstalledRefused(log), cancellation).ConfigureAwait(false);
                    artifacts = PipInstallReport.ArtifactsOf(items);
                }
                else if (RootRulesCheck.IndexRulesApply(context.Paths, settings.PackageSources))
                {
                    throw new CodeEnvException(
                        ErrorIds.IndexRuleViolated,
                        $"The root's index rules cannot be checked for '{name}': the venv's pip is older than {PipInstallReport.FirstPipWithReport} and reports no origin of what it chose. Nothing serves from the new venv. Use an interpreter whose pip is newer, or an administrator sets Set-CodeEnvRoot -IndexStrategy BestVersion -IndexRule @().",
                        name);
                }

                // pip installed this set itself (an editable, a checkout, a file with no hash): the root's allow list reads
                // what it installed, in the new venv, before that venv serves.
                new Licenses.AllowedLicenses(settings.AllowedLicenses).Require(
                    name,
                    InstalledPackageReader.ReadDistributions(venv, name, context.Paths.Root, withRequirements: false)
                        .Where(d => !InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(d.Package.Name)))
                        .Select(d => (d.Package.Name, d.Package.Version, Licenses.DistributionLicense.FromMetadataFile(d.MetadataFile))));
            }

            var distributions = InstalledPackageReader.ReadDistributions(venv, name, context.Paths.Root, withRequirements: true);
            new DenyList(settings.DeniedPackages).RequireAllowed(distributions.Select(d => (d.Package.Name, d.Package.Version)), PipInstalledRefused(log));
            var requirements = EnvironmentRequirements.WithKinds(definition, settings);
            if (options.Sync)
            {
                var extraneous = InstalledSetCheck.Run(requirements, distributions, markers).Extraneous;
                if (extraneous.Count > 0)
                {
                    reporter.Verbose("Not needed by any base or requested line, so uninstalled (-Sync): " + string.Join(", ", extraneous));
                    await builder.UninstallAsync(python, extraneous, log, cancellation).ConfigureAwait(false);
                    distributions = InstalledPackageReader.ReadDistributions(venv, name, context.Paths.Root, withRequirements: true);
                }
            }

            // Test-CodeEnv's dependency check, before anything serves from the new venv.
            var check = InstalledSetCheck.Run(requirements, distributions, markers);
            var problems = check.Problems;
            if (problems.Count > 0)
            {
                log.Line("> the new venv fails the dependency check: " + string.Join("; ", problems));
                throw new CodeEnvException(
                    ErrorIds.VenvCheckFailed,
                    $"pip finished, but the new venv of '{name}' does not satisfy its lines: {string.Join("; ", problems)}. It was not switched to. Fix the lines (Get-CodeEnvPackage -Name {name}) and run Update-CodeEnv again; the full output is in '{log.Path}'.",
                    name);
            }

            var expected = options.ExpectedArtifacts;
            var mismatch = expected == null ? null : ArtifactCheck.FirstMismatch(expected, artifacts!);
            if (mismatch != null)
            {
                log.Line("> " + mismatch.Message);
                throw mismatch;
            }

            return LockOf(definition, lines, markers, distributions, artifacts);
        }

        private static string PipInstalledRefused(OperationLog log) =>
            $"it is in the new venv. That venv was not switched to: the env keeps the venv it had. Change the lines that bring it in (pip's choice is in '{log.Path}'), or ask an administrator about the root's rules (Get-CodeEnvRoot).";

        /// <summary>What the env serves now, with the files its lock records, for an update that keeps what still satisfies; null when nothing serves.</summary>
        private IReadOnlyList<CurrentPackage>? CurrentPackages(EnvironmentDefinition definition, InstalledLock? installed)
        {
            var serving = context.ServingVenv(definition);
            if (installed == null || !File.Exists(VenvLayout.Python(serving)))
            {
                return null;
            }

            var locked = installed.Packages.Where(p => p.Artifact != null).ToDictionary(p => PackageName.Normalize(p.Name) + "==" + p.Version, p => p.Artifact!, StringComparer.Ordinal);
            return InstalledPackageReader.ReadDistributions(serving, definition.Name, context.Paths.Root, withRequirements: true)
                .Select(d => new CurrentPackage(d, locked.TryGetValue(PackageName.Normalize(d.Package.Name) + "==" + d.Package.Version, out var artifact) ? artifact : null))
                .ToList();
        }

        // The stable folder itself, emptied first: where a venv cannot be switched to (Windows), it is rebuilt where it serves.
        private string InPlace(string name)
        {
            var venv = context.Paths.VenvFolder(name);
            DeleteVenv(venv);
            return venv;
        }

        /// <summary>Why the venv that serves is not what CodeEnv made (its entry points, its link to the registered interpreter), or null.</summary>
        private string? ServingVenvProblem(EnvironmentDefinition definition)
        {
            var generation = context.Generations.Current(definition.Name);
            var entryProblem = generation == null ? null : StableEntryPoints.Problem(
                context.Paths.GenerationEntry(definition.Name, generation.Value),
                context.Paths.GenerationFolder(definition.Name, generation.Value));
            return entryProblem ?? VenvLayout.InterpreterProblem(context.ServingVenv(definition), definition.Python.Interpreter);
        }

        /// <summary>Decides without pip whether the venv already satisfies every line; if so, says so and gives the installed.json to record, if it changed.</summary>
        private async Task<(bool Satisfied, InstalledLock? Record)> SatisfiedWithoutPipAsync(EnvironmentDefinition definition, RootSettingsDocument settings, UpdateOptions options, IOperationReporter reporter, CancellationToken cancellation)
        {
            var name = definition.Name;
            InstalledLock? installed;
            IReadOnlyDictionary<string, string> markers;
            try
            {
                installed = context.Store.ReadInstalled(name);
                markers = await MarkerValuesAsync(definition, installed, cancellation).ConfigureAwait(false);
            }
            catch (CodeEnvException e) when (e.Kind != ErrorKind.Stopped)
            {
                reporter.Verbose($"Cannot decide without pip ({e.Message}); running pip.");
                return (false, null);
            }

            var distributions = InstalledPackageReader.ReadDistributions(context.ServingVenv(definition), name, context.Paths.Root, withRequirements: true);
            var check = InstalledSetCheck.Run(EnvironmentRequirements.WithKinds(definition, settings), distributions, markers);
            var unsatisfied = check.Problems;
            if (options.Sync && check.Extraneous.Count > 0)
            {
                unsatisfied.Add("not needed (-Sync removes them): " + string.Join(", ", check.Extraneous));
            }

            if (unsatisfied.Count > 0)
            {
                reporter.Verbose("pip is needed: " + string.Join("; ", unsatisfied));
                return (false, null);
            }

            var lines = EnvironmentRequirements.AllLines(definition, settings);
            reporter.Verbose($"Nothing to do: what is installed in '{name}' already satisfies its {lines.Count} base and requested lines and their dependencies; pip was not started.");
            var changed = installed == null || installed.Revision != definition.Revision || !installed.Requirements.SequenceEqual(lines);
            var known = installed?.Packages.Where(p => p.Artifact != null).ToDictionary(p => PackageName.Normalize(p.Name) + "==" + p.Version, p => p.Artifact!, StringComparer.Ordinal);
            return (true, changed ? LockOf(definition, lines, markers, distributions, known) : null);
        }

        /// <summary>The marker values recorded at the last install with the same interpreter, else read from the venv's python.</summary>
        public Task<IReadOnlyDictionary<string, string>> MarkerValuesAsync(EnvironmentDefinition definition, InstalledLock? installed, CancellationToken cancellation) =>
            MarkerValuesAsync(definition, installed, VenvLayout.Python(context.ServingVenv(definition)), cancellation);

        /// <param name="python">The venv python to read them from when the lock has none for the env's interpreter.</param>
        private async Task<IReadOnlyDictionary<string, string>> MarkerValuesAsync(EnvironmentDefinition definition, InstalledLock? installed, string python, CancellationToken cancellation)
        {
            if (installed != null && installed.MarkerEnvironment.Count > 0
                && installed.Python.Interpreter == definition.Python.Interpreter && installed.Python.Version == definition.Python.Version)
            {
                return installed.MarkerEnvironment;
            }

            return await MarkerProbe.ProbeAsync(context.Processes, python, cancellation).ConfigureAwait(false);
        }

        private async Task<PythonInterpreter> InterpreterOfAsync(EnvironmentDefinition definition, CancellationToken cancellation)
        {
            var path = definition.Python.Interpreter;
            var inspected = File.Exists(path) ? await context.Interpreters.InspectAsync(path, cancellation).ConfigureAwait(false) : null;
            return inspected ?? throw new CodeEnvException(
                ErrorIds.InterpreterMissing,
                $"The env '{definition.Name}' was made with Python {definition.Python.Version} at '{path}', which no longer exists or no longer runs. Reinstall that Python, or recreate the env with New-CodeEnv -PythonVersion.",
                definition.Name);
        }

        /// <param name="artifacts">What each distribution was installed from, by normalized name (a fresh install's
        /// report) or by "name==version" (a lock kept from before); a distribution with none gets none.</param>
        private InstalledLock LockOf(EnvironmentDefinition definition, IReadOnlyList<string> lines, IReadOnlyDictionary<string, string> markers, IReadOnlyList<InstalledDistribution> distributions, IReadOnlyDictionary<string, LockedArtifact>? artifacts) => new InstalledLock
        {
            Name = definition.Name,
            Revision = definition.Revision,
            Python = new PythonSelection { Version = definition.Python.Version, Interpreter = definition.Python.Interpreter },
            InstalledAt = context.Clock.UtcNow,
            InstalledBy = context.Caller.UserName,
            Requirements = lines.ToList(),
            MarkerEnvironment = markers.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Packages = distributions.Select(d => new LockedPackage { Name = d.Package.Name, Version = d.Package.Version, Requested = d.Package.Requested, Artifact = ArtifactOf(d.Package, artifacts) }).ToList(),
        };

        private static LockedArtifact? ArtifactOf(InstalledPackage package, IReadOnlyDictionary<string, LockedArtifact>? artifacts)
        {
            var name = PackageName.Normalize(package.Name);
            return artifacts == null ? null
                : artifacts.TryGetValue(name + "==" + package.Version, out var kept) ? kept
                : artifacts.TryGetValue(name, out var fetched) ? fetched
                : null;
        }

        private void DeleteVenv(string venv)
        {
            if (!Directory.Exists(venv))
            {
                return;
            }

            // Renamed first, so a deletion that fails half-way leaves no half venv where the new one goes.
            Store.Trash.Empty(context.Trash.TakeVenv(Path.GetFileName(Path.GetDirectoryName(venv)!), venv));
        }
    }
}
