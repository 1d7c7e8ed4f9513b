using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Lock-CodeEnv and Unlock-CodeEnv, and the one rule every change path asks while an env is frozen: what it is (its
    /// Python, lines, sets, Jupyter support, containers, description, and what is installed) stays exactly the frozen
    /// revision's. Who may use it (owner, usable-by-all, group grants) still changes, since people join and leave teams for
    /// the years an env stays frozen, and a restore or rebuild of the frozen revision itself stays possible: bringing
    /// that exact set back is what a freeze is for.
    /// </summary>
    internal sealed class Freezing
    {
        public const string LockOperation = "Lock-CodeEnv";
        public const string UnlockOperation = "Unlock-CodeEnv";

        private readonly EngineContext context;

        public Freezing(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>
        /// The lock of the revision to freeze, or an error when it has none: the current revision's when its venv holds it
        /// (Ready), an earlier revision's from the set it installed.
        /// </summary>
        public InstalledLock LockOf(EnvironmentDefinition definition, int revision)
        {
            var name = definition.Name;
            if (!context.Store.Definitions(name).History().Any(r => r.Revision == revision))
            {
                throw new CodeEnvException(ErrorIds.RevisionNotFound, $"The env '{name}' has no revision {revision}. Get-CodeEnvHistory -Name {name} lists its revisions.", revision);
            }

            var installed = revision == definition.Revision
                ? (context.Info(definition).State == EnvironmentState.Ready ? context.Store.ReadInstalled(name) : null)
                : context.Store.ReadInstalledOf(name, revision);
            return installed ?? throw new CodeEnvException(
                ErrorIds.EnvironmentNeverUpdated,
                revision == definition.Revision
                    ? $"The env '{name}' is {context.Info(definition).State}: its venv does not hold revision {revision}, so there is no exact set to freeze. Run Update-CodeEnv -Name {name} first, then Lock-CodeEnv."
                    : $"Revision {revision} of '{name}' was never installed, so there is no exact set to freeze. Freeze a revision whose venv was built (Get-CodeEnvHistory -Name {name}).",
                name);
        }

        /// <summary>Writes the freeze under the env's lock; the env must hold <paramref name="revision"/>'s set by then.</summary>
        public EnvironmentInfo Freeze(string canonical, int revision, InstalledLock installed, string? reason, IOperationReporter reporter, CancellationToken cancellation)
        {
            var settings = context.Settings();
            using (context.Locks.Acquire(canonical, LockOperation, settings, reporter, cancellation))
            {
                var definition = context.Store.Read(canonical);
                var caller = context.Caller;
                AccessPolicy.Require(definition, settings, caller, EnvironmentRight.Own, "freeze");
                var existing = context.Marks.Freeze(canonical);
                if (existing != null)
                {
                    if (existing.Revision != revision)
                    {
                        throw Frozen(canonical, existing, $"freezing it at revision {revision}");
                    }

                    reporter.Verbose($"'{canonical}' is frozen at revision {revision} already (by {existing.FrozenBy} at {existing.FrozenAt:u}).");
                    return context.Info(definition);
                }

                context.Marks.WriteFreeze(canonical, new FreezeRecord
                {
                    Revision = revision,
                    FrozenBy = caller.UserName,
                    FrozenAt = context.Clock.UtcNow,
                    Reason = reason ?? "",
                    Right = AccessPolicy.IsAdministrator(settings, caller) ? EnvironmentRight.Administer : EnvironmentRight.Own,
                    Lock = installed,
                });
                reporter.Verbose($"Froze '{canonical}' at revision {revision} ({installed.Packages.Count} packages locked with their files' sha256).");
                return context.Info(definition);
            }
        }

        /// <summary>Lifts the freeze; needs the right its freezer held (an administrator's freeze, an administrator).</summary>
        public EnvironmentInfo Unfreeze(string name, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = context.Canonical(name);
            var settings = context.Settings();
            using (context.Locks.Acquire(canonical, UnlockOperation, settings, reporter, cancellation))
            {
                var definition = context.Store.Read(canonical);
                AccessPolicy.Require(definition, settings, context.Caller, EnvironmentRight.Own, "unfreeze");
                var existing = context.Marks.Freeze(canonical);
                if (existing == null)
                {
                    reporter.Verbose($"'{canonical}' is not frozen; nothing to unfreeze.");
                    return context.Info(definition);
                }

                AccessPolicy.Require(definition, settings, context.Caller, existing.Right, $"unfreeze (frozen by {existing.FrozenBy}, who holds the {existing.Right} right)");
                context.Marks.ClearFreeze(canonical);
                reporter.Verbose($"Unfroze '{canonical}' (frozen at revision {existing.Revision} by {existing.FrozenBy} at {existing.FrozenAt:u}).");
                return context.Info(definition);
            }
        }

        /// <summary>
        /// The transaction's guard: a frozen env takes only changes of who may use it, or the restore of its frozen
        /// revision (<paramref name="restoring"/>).
        /// </summary>
        public static void RequireChangeAllowed(EngineContext context, string canonical, string operation, IEnumerable<FieldChange> changes, int? restoring)
        {
            var freeze = context.Marks.Freeze(canonical);
            if (freeze == null || restoring == freeze.Revision)
            {
                return;
            }

            var content = changes.Where(c => !DefinitionFields.Of(c.Field).WhoMayUseDependsOn).Select(c => c.Field.Split('.')[0]).Distinct().ToList();
            if (content.Count > 0)
            {
                throw Frozen(canonical, freeze, $"{operation} (it changes {string.Join(", ", content)})");
            }
        }

        /// <summary>Restore-CodeEnv's guard: a frozen env comes back only to its frozen revision.</summary>
        public static void RequireRestoreAllowed(EngineContext context, string canonical, int revision)
        {
            var freeze = context.Marks.Freeze(canonical);
            if (freeze != null && freeze.Revision != revision)
            {
                throw Frozen(canonical, freeze, $"Restore-CodeEnv to revision {revision}");
            }
        }

        /// <summary>Remove-CodeEnv's guard: a frozen env is not removed while the freeze holds.</summary>
        public static void RequireUnfrozen(EngineContext context, string canonical, string operation)
        {
            var freeze = context.Marks.Freeze(canonical);
            if (freeze != null)
            {
                throw Frozen(canonical, freeze, operation);
            }
        }

        /// <summary>
        /// Update-CodeEnv's guard: for a frozen env, the update that keeps to the frozen set. Nothing changes a venv that
        /// holds it (null); a missing or broken one, or -Rebuild, is rebuilt from the freeze's lock, each file checked
        /// against its sha256; -Upgrade, -Sync and raised versions are refused.
        /// </summary>
        public static UpdateOptions? OptionsFor(EngineContext context, EnvironmentDefinition definition, UpdateOptions options, string operation, IOperationReporter reporter)
        {
            var name = definition.Name;
            var freeze = context.Marks.Freeze(name);
            if (freeze == null)
            {
                return options;
            }

            if (options.Upgrade || options.Sync || options.Constraints.Count > 0)
            {
                var what = options.Upgrade ? "-Upgrade" : options.Sync ? "-Sync" : "raising package versions";
                throw Frozen(name, freeze, $"{operation} {what}");
            }

            var serving = File.Exists(VenvLayout.Python(context.ServingVenv(definition))) && File.Exists(VenvLayout.Python(context.VenvOf(definition)));
            if (!options.Rebuild && serving && context.Info(definition).State == EnvironmentState.Ready)
            {
                reporter.Verbose($"Nothing to do: '{name}' is frozen at revision {freeze.Revision} and its venv holds that set.");
                return null;
            }

            reporter.Verbose($"'{name}' is frozen at revision {freeze.Revision}: rebuilding exactly its {freeze.Lock.Packages.Count} locked packages.");
            return new UpdateOptions
            {
                Rebuild = true,
                Constraints = LockPins.Lines(freeze.Lock.Packages, includeVenvTooling: true),
                ExpectedArtifacts = freeze.Lock.Packages,
            };
        }

        /// <summary>EnvironmentFrozen: who froze the env, when, why, what was refused, and how to lift it.</summary>
        public static CodeEnvException Frozen(string name, FreezeRecord freeze, string refused)
        {
            var why = string.IsNullOrEmpty(freeze.Reason) ? "" : $" ({PrintableText.Of(freeze.Reason)})";
            var who = freeze.Right == EnvironmentRight.Administer ? "a root administrator" : "its owner or an administrator";
            return new CodeEnvException(
                ErrorIds.EnvironmentFrozen,
                $"The env '{name}' is frozen at revision {freeze.Revision} by {freeze.FrozenBy} since {freeze.FrozenAt:u}{why}, so {refused} is refused. "
                + $"While frozen, Restore-CodeEnv -Name {name} -Revision {freeze.Revision} and Update-CodeEnv -Name {name} -Rebuild bring back exactly that revision. "
                + $"To change it, {who} runs Unlock-CodeEnv -Name {name}.",
                name);
        }
    }
}
