using System;
using System.IO;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Takes an env's lock for a mutation, and for creation also its name claim: the rules that make concurrent
    /// creators of Sales and sales end with exactly one env, and that clean up after a creator that was killed.
    /// </summary>
    internal sealed class EnvironmentLocks
    {
        private readonly RootPaths paths;
        private readonly EnvironmentStore store;
        private readonly IIdentityProvider identity;
        private readonly IClock clock;
        private readonly Trash trash;

        public EnvironmentLocks(RootPaths paths, EnvironmentStore store, IIdentityProvider identity, IClock clock, Trash trash)
        {
            this.trash = trash;
            this.paths = paths;
            this.store = store;
            this.identity = identity;
            this.clock = clock;
        }

        /// <summary>
        /// The env's metadata lock: held for the milliseconds of a read-modify-write of its files, never while a process
        /// runs. An operation that takes it several times passes its <paramref name="holds"/>, which says how long once
        /// the operation ends; otherwise the release says it.
        /// </summary>
        public FileLock Acquire(string canonicalName, string operation, RootSettingsDocument settings, IOperationReporter reporter, CancellationToken cancellation, LockHoldReport? holds = null)
        {
            var subject = $"The env '{canonicalName}'";
            var held = FileLock.Acquire(paths.EnvLockFile(canonicalName), Holder(operation), EngineContext.LockTimeout(settings), subject, cancellation, reporter);
            TakeOver(held, canonicalName, reporter, files: true);
            if (holds != null)
            {
                held.Released = holds.Add;
            }
            else
            {
                var once = new LockHoldReport(operation, canonicalName, reporter);
                held.Released = time =>
                {
                    once.Add(time);
                    once.Dispose();
                };
            }

            return held;
        }

        /// <summary>
        /// The env's venv lock: held while pip or venv work runs on the venv, so that two updates (or an update and a
        /// removal) never work on one venv at once, while the env's metadata stays free for everyone else.
        /// </summary>
        public FileLock AcquireVenv(string canonicalName, string operation, RootSettingsDocument settings, IOperationReporter reporter, CancellationToken cancellation)
        {
            var subject = $"The venv of '{canonicalName}'";
            var held = FileLock.Acquire(paths.EnvVenvLockFile(canonicalName), Holder(operation), EngineContext.LockTimeout(settings), subject, cancellation, reporter);
            TakeOver(held, canonicalName, reporter, files: false);
            return held;
        }

        /// <summary>
        /// Takes the lock of a name that does not exist yet and claims the name. Fails with AlreadyExists as soon as
        /// the name (in any case) is seen taken, without waiting for a creator that holds the lock to finish.
        /// </summary>
        public FileLock AcquireForCreation(string name, RootSettingsDocument settings, IOperationReporter reporter, CancellationToken cancellation)
        {
            var held = FileLock.Acquire(
                paths.EnvLockFile(name),
                Holder("New-CodeEnv"),
                EngineContext.LockTimeout(settings),
                $"The env name '{name}'",
                cancellation,
                reporter,
                giveUp: () => store.ReadClaim(name) is NameClaim claim ? Exists(name, claim) : null);
            try
            {
                TakeOver(held, name, reporter, files: true);
                var claim = store.ReadClaim(name);
                if (claim != null)
                {
                    if (store.Exists(claim.Name) && store.ReadStatus(claim.Name).State != EnvironmentState.Creating)
                    {
                        throw Exists(name, claim);
                    }

                    // We hold the lock, so whoever claimed the name is no longer creating it: it was killed.
                    reporter.Warning($"Cleaning up an interrupted creation of '{claim.Name}' by {claim.ClaimedBy} (pid {claim.ProcessId} on {claim.Host}) at {claim.ClaimedAt:u}.");
                    DeleteDebris(claim.Name);
                    store.ReleaseClaim(name);
                }

                var existing = store.CanonicalName(name);
                if (existing != null)
                {
                    throw Exists(name, new NameClaim { Name = existing });
                }

                var caller = identity.Current();
                var mine = new NameClaim { Name = name, ClaimedBy = caller.UserName, ProcessId = Platform.ProcessId, Host = Platform.HostName, ClaimedAt = clock.UtcNow };
                if (!store.TryClaim(mine))
                {
                    throw Exists(name, store.ReadClaim(name) ?? mine);
                }

                return held;
            }
            catch
            {
                held.Dispose();
                throw;
            }
        }

        private void DeleteDebris(string name)
        {
            if (Directory.Exists(paths.EnvFolder(name)))
            {
                Trash.Empty(trash.Take(name));
            }
        }

        private Exception Exists(string name, NameClaim claim)
        {
            var spelled = string.Equals(claim.Name, name, StringComparison.Ordinal) ? "" : $" (as '{claim.Name}'; names are unique regardless of case)";
            return new CodeEnvException(
                ErrorIds.CodeEnvExists,
                $"An environment named '{name}' already exists in '{paths.Root}'{spelled}. Choose another name, or remove the existing one with Remove-CodeEnv.",
                name);
        }

        private LockHolder Holder(string operation) => LockHolder.ThisProcess(operation, identity.Current().UserName, clock.UtcNow);

        /// <summary>
        /// A lock whose last holder was killed: end what it left running, then sweep the temp files and trash it left,
        /// before working where it worked. Nothing of a live process is touched: it would still hold the lock.
        /// </summary>
        private void TakeOver(FileLock held, string name, IOperationReporter reporter, bool files)
        {
            var left = held.InterruptedHolder;
            if (left == null)
            {
                return;
            }

            reporter.Verbose($"The lock of '{name}' was left by an interrupted process: {left}.");
            if (held.EndInterruptedChildren())
            {
                reporter.Warning($"Ended what {left.Operation} (pid {left.ProcessId}, killed) left running in process group {left.ChildProcessGroup}.");
            }

            // Incomplete venv generations are the venv lock's leftovers, swept before the trash they may go to.
            var incompleteVenvs = !files && VenvGenerations.Supported ? new VenvGenerations(paths).SweepIncomplete(name) : Array.Empty<string>();
            foreach (var swept in incompleteVenvs.Concat(Leftovers.Sweep(paths, name, files)))
            {
                reporter.Verbose("Removed what an interrupted process left: " + swept);
            }
        }
    }
}
