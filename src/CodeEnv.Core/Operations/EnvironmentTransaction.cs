using System;
using System.Linq;
using System.Threading;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The one way an env's definition changes: canonical name, the env's lock, read, access check, change, diff,
    /// a check of the right each changed field needs, the new revision with its history entry, and the env marked
    /// Outdated when what is installed no longer matches. Every service's change goes through here.
    /// </summary>
    internal sealed class EnvironmentTransaction
    {
        private const string ListsChanged = "The package lists changed; Update-CodeEnv installs them.";

        private readonly EngineContext context;

        public EnvironmentTransaction(EngineContext context)
        {
            this.context = context;
        }

        /// <param name="minimum">The right the operation needs whatever it changes; never None.</param>
        /// <param name="change">Changes the definition in place; may throw to refuse the change.</param>
        /// <param name="outdatedDetail">Why the env is Outdated when the change touched what is installed.</param>
        /// <param name="lockHolds">For an operation that takes the env's lock again afterwards: where this hold is counted.</param>
        /// <param name="overrideConsumers">-Force: the change goes through even when it breaks declared consumers.</param>
        /// <param name="restoring">The revision a restore brings back, which a frozen env takes when it is the frozen one.</param>
        public EnvironmentInfo Apply(string name, string operation, EnvironmentRight minimum, Action<EnvironmentDefinition, RootSettingsDocument, CallerIdentity> change, IOperationReporter reporter, CancellationToken cancellation, string? outdatedDetail = null, LockHoldReport? lockHolds = null, bool overrideConsumers = false, int? restoring = null)
        {
            if (minimum == EnvironmentRight.None)
            {
                throw new ArgumentOutOfRangeException(nameof(minimum), "Every change needs a right.");
            }

            var canonical = context.Canonical(name);
            var settings = context.Settings();
            var caller = context.Caller;
            using (context.Locks.Acquire(canonical, operation, settings, reporter, cancellation, lockHolds))
            {
                var before = context.Store.Read(canonical);
                AccessPolicy.Require(before, settings, caller, minimum, $"run {operation} on");
                var after = before.Clone();
                change(after, settings, caller);
                var changes = DefinitionDiff.Between(before, after);
                if (changes.Count == 0)
                {
                    reporter.Verbose($"Nothing to change in '{canonical}': it stays at revision {before.Revision}.");
                    return context.Info(before);
                }

                AccessPolicy.RequireForChanges(before, settings, caller, changes, operation);
                if (changes.Any(c => !DefinitionFields.Of(c.Field).WhoMayUseDependsOn))
                {
                    Archiving.RequireActive(context, canonical, operation);
                }

                Freezing.RequireChangeAllowed(context, canonical, operation, changes, restoring);
                if (changes.Any(c => DefinitionFields.Of(c.Field).InstalledSetDependsOn))
                {
                    RegisteredVenvs.RequireManaged(before, operation);
                    Usage.ConsumerGuard.RefuseBreakingChange(before, after, Usage.ConsumerFile.Read(context.Paths, canonical), overrideConsumers);
                }

                context.Store.Definitions(canonical).Save(before, after, operation, caller.UserName, context.Clock.UtcNow);
                if (changes.Any(c => DefinitionFields.Of(c.Field).WhoMayUseDependsOn))
                {
                    context.Access.Follow(after, settings);
                }
                reporter.Verbose($"Saved '{canonical}' as revision {after.Revision}: {string.Join("; ", changes)}.");
                // An update that is running records its own outcome, and sees the new revision then (Outdated, not Ready).
                var status = context.Store.ReadStatus(canonical);
                var detail = outdatedDetail ?? ListsChanged;
                var outdated = changes.Any(c => DefinitionFields.Of(c.Field).InstalledSetDependsOn) && !FileLock.IsHeld(context.Paths.EnvVenvLockFile(canonical));
                if (outdated && (status.State != EnvironmentState.Outdated || status.Detail != detail))
                {
                    context.WriteStatus(after, EnvironmentState.Outdated, detail);
                }

                context.KernelSpecs.Follow(after, outdated ? EnvironmentState.Outdated : status.State, settings);
                return context.Info(after);
            }
        }
    }
}
