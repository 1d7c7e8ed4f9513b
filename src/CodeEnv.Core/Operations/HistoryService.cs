using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>The revisions of envs and of the root settings, and bringing an earlier revision of an env back.</summary>
    public sealed class HistoryService : IHistoryService
    {
        private const string RestoreActivity = "Restore-CodeEnv";

        private readonly EngineContext context;
        private readonly Updater updater;
        private readonly Freezing freezing;

        internal HistoryService(EngineContext context, Updater updater)
        {
            this.context = context;
            this.updater = updater;
            freezing = new Freezing(context);
        }

        /// <summary>
        /// Lock-CodeEnv: freezes the env at a revision with that revision's exact lock. An earlier revision is restored first
        /// (a kept venv switched to, else rebuilt exactly), so the env holds what it is frozen at from then on.
        /// </summary>
        public async Task<EnvironmentInfo> LockAsync(string name, int? revision, string? reason, IProgress<OperationReport>? progress, CancellationToken cancellation)
        {
            var reporter = ProgressReporter.For(progress);
            var canonical = context.Canonical(name);
            var definition = context.Store.Read(canonical);
            AccessPolicy.Require(definition, context.Settings(), context.Caller, EnvironmentRight.Own, "freeze");
            RegisteredVenvs.RequireManaged(definition, Freezing.LockOperation);
            var target = revision ?? definition.Revision;
            var existing = context.Marks.Freeze(canonical);
            if (existing != null && existing.Revision != target)
            {
                throw Freezing.Frozen(canonical, existing, $"freezing it at revision {target}");
            }

            if (target != definition.Revision && existing == null)
            {
                var earlier = freezing.LockOf(definition, target);
                reporter.Verbose($"Restoring revision {target} of '{canonical}' before freezing it there.");
                await RestoreAsync(canonical, target, false, false, progress, cancellation).ConfigureAwait(false);
                return freezing.Freeze(canonical, target, earlier, reason, reporter, cancellation);
            }

            return freezing.Freeze(canonical, target, existing?.Lock ?? freezing.LockOf(definition, target), reason, reporter, cancellation);
        }

        /// <summary>Unlock-CodeEnv: lifts the freeze (the right of whoever froze it).</summary>
        public Task<EnvironmentInfo> UnlockAsync(string name, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run(() => freezing.Unfreeze(name, ProgressReporter.For(progress), cancellation), cancellation);

        /// <summary>Every revision of the env's definition, newest first, each saying whether a kept venv was built for it.</summary>
        public Task<IReadOnlyList<HistoryEntry>> GetAsync(string name, CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<HistoryEntry>>(() =>
            {
                var canonical = context.Canonical(name);
                var kept = new HashSet<int>(context.Generations.Kept(canonical).Select(k => k.Installed.Revision));
                return context.Store.Definitions(canonical).History().Select(r => Entry(canonical, r, kept.Contains(r.Revision))).ToList();
            }, cancellation);

        /// <summary>Every revision of the root settings, newest first.</summary>
        public Task<IReadOnlyList<HistoryEntry>> GetRootAsync(CancellationToken cancellation) => Task.Run<IReadOnlyList<HistoryEntry>>(() => RootStore.History(context.Paths).Select(r => Entry("", r, false)).ToList(), cancellation);

        /// <summary>
        /// Brings back an earlier definition as a new revision (the owner's right), and its venv: a kept venv built for the
        /// same lines is switched to in one step, without pip; otherwise the venv is rebuilt with exactly the versions that
        /// revision had installed (or, for a revision never installed, its lines). With <paramref name="definitionOnly"/>
        /// only the definition comes back and the env is Outdated. The lifecycle state is not part of a revision, so it is
        /// not brought back.
        /// </summary>
        public async Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation)
        {
            var reporter = ProgressReporter.For(progress);
            var canonical = context.Canonical(name);
            var registered = context.Store.Read(canonical).RegisteredVenv != null;
            Freezing.RequireRestoreAllowed(context, canonical, revision);
            Archiving.RequireActive(context, canonical, RestoreActivity);
            if (definitionOnly || registered)
            {
                return Restore(canonical, revision, force, reporter, cancellation);
            }

            var settings = context.Settings();
            using (var venvLock = context.Locks.AcquireVenv(canonical, RestoreActivity, settings, reporter, cancellation))
            using (var lockHolds = new LockHoldReport(RestoreActivity, canonical, reporter))
            {
                Restore(canonical, revision, force, reporter, cancellation, lockHolds);
                var definition = context.Store.Read(canonical);
                settings = context.Settings();
                var lines = EnvironmentRequirements.AllLines(definition, settings);
                var kept = context.Generations.Kept(canonical)
                    .Where(k => k.Installed.Requirements.SequenceEqual(lines) && k.Installed.Python.Interpreter == definition.Python.Interpreter)
                    .OrderByDescending(k => k.IsCurrent)
                    .ThenByDescending(k => k.Installed.Revision == revision)
                    .FirstOrDefault();
                if (kept != null)
                {
                    if (!kept.IsCurrent)
                    {
                        try
                        {
                            await updater.RequireSmokeTestAsync(definition, kept.Folder, RestoreActivity, reporter, cancellation).ConfigureAwait(false);
                        }
                        catch (CodeEnvException e) when (e.ErrorId == ErrorIds.SmokeTestFailed.Id)
                        {
                            updater.RecordState(definition, null, EnvironmentState.Failed, "Restore-CodeEnv failed: " + e.Message, settings, lockHolds, reporter);
                            throw;
                        }

                        updater.Activate(canonical, new BuiltVenv(kept.Generation, kept.Folder, kept.Installed), settings, reporter);
                    }

                    reporter.Verbose($"'{canonical}' runs the kept venv built for revision {kept.Installed.Revision} (generation {kept.Generation}); pip was not started.");
                    var installed = Json.Clone(kept.Installed);
                    installed.Revision = definition.Revision;
                    return updater.RecordState(definition, installed, EnvironmentState.Ready, null, settings, lockHolds, reporter);
                }

                var exact = context.Store.ReadInstalledOf(canonical, revision);
                reporter.Verbose(exact == null
                    ? $"No venv of revision {revision} is kept and it was never installed; installing its lines."
                    : $"No venv of revision {revision} is kept; rebuilding exactly the {exact.Packages.Count} packages it had installed.");
                var options = new UpdateOptions { Rebuild = true, Constraints = exact == null ? new List<string>() : LockPins.Lines(exact.Packages, includeVenvTooling: true), ExpectedArtifacts = exact?.Packages };
                return await updater.UpdateHeldAsync(definition, settings, options, venvLock.RecordChild, lockHolds, reporter, cancellation).ConfigureAwait(false);
            }
        }

        private EnvironmentInfo Restore(string name, int revision, bool overrideConsumers, IOperationReporter reporter, CancellationToken cancellation, LockHoldReport? lockHolds = null)
        {
            var canonical = context.Canonical(name);
            var old = context.Store.Definitions(canonical).History().FirstOrDefault(r => r.Revision == revision)?.Definition
                ?? throw new CodeEnvException(
                    ErrorIds.RevisionNotFound,
                    $"The env '{canonical}' has no revision {revision}. Get-CodeEnvHistory -Name {canonical} lists its revisions.",
                    revision);
            return context.Transaction.Apply(
                canonical,
                RestoreActivity,
                EnvironmentRight.Own,
                (definition, settings, caller) =>
                {
                    // An owner whose account is gone since cannot come back (Set-CodeEnv -Owner refuses it): the env keeps
                    // its owner, and the rest of the revision still comes back.
                    var owner = old.Owner;
                    if (!string.Equals(owner, definition.Owner, StringComparison.Ordinal) && OwnerAccount.IsMissing(owner))
                    {
                        reporter.Warning($"Revision {revision} names '{PrintableText.Of(owner)}' as the owner, which is not a user account on this machine any more; '{definition.Owner}' keeps the env. Give it to another account with Set-CodeEnv -Owner.");
                        owner = definition.Owner;
                    }

                    // A restore is the Set-CodeEnv and Set-CodeEnvPackage calls that would bring the revision back, with
                    // their rules for this caller: no owner a Set-CodeEnv -Owner would refuse, no line they may not write.
                    AccessPolicy.RequireOwnerTransfer(definition, settings, caller, owner, $" by restoring revision {revision}");
                    RequirementsParser.Parse(old.RequestedPackages, RequirementOptionPolicy.For(AccessPolicy.IsAdministrator(settings, caller)));
                    definition.Python = old.Python;
                    definition.Description = old.Description;
                    definition.Owner = owner;
                    definition.UsableByAll = old.UsableByAll;
                    definition.GroupPermissions = old.GroupPermissions;
                    definition.RequestedPackages = old.RequestedPackages;
                    definition.PackageSets = old.PackageSets;
                    definition.JupyterSupport = old.JupyterSupport;
                    definition.Containers = old.Containers;
                },
                reporter,
                cancellation,
                outdatedDetail: $"Restored the packages of revision {revision}; Update-CodeEnv installs them.",
                lockHolds: lockHolds,
                overrideConsumers: overrideConsumers,
                restoring: revision);
        }

        private HistoryEntry Entry<TDocument>(string name, RevisionRecord<TDocument> record, bool hasKeptVenv)
            where TDocument : class, IRevisionedDocument =>
            new HistoryEntry(name, context.Paths.Root, record.Revision, record.ChangedBy, record.ChangedAt, record.Operation, record.Changes.Select(ChangeText.Describe).ToList(), hasKeptVenv);
    }
}
