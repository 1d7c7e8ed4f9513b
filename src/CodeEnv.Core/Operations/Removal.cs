using System;
using System.IO;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Remove-CodeEnv. The env's folder is first renamed into state/trash in one step, so a removal that fails leaves
    /// either the whole env (still listed) or nothing that blocks the name.
    /// </summary>
    internal sealed class Removal
    {
        private const string Operation = "Remove-CodeEnv";

        private readonly EngineContext context;

        public Removal(EngineContext context)
        {
            this.context = context;
        }

        public void Run(string name, bool overrideConsumers, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = context.Canonical(name);
            var store = context.Store;
            store.RefuseLinkedFolder(canonical);
            var settings = context.Settings();
            // The venv lock first: an update's pip must not be working in a venv that is being removed.
            using (context.Locks.AcquireVenv(canonical, Operation, settings, reporter, cancellation))
            using (context.Locks.Acquire(canonical, Operation, settings, reporter, cancellation))
            {
                EnvironmentDefinition? definition = null;
                EnvironmentStatus? statusBefore = null;
                settings = context.Settings();
                try
                {
                    definition = store.Read(canonical);
                    AccessPolicy.Require(definition, settings, context.Caller, EnvironmentRight.Own, "remove");
                    Freezing.RequireUnfrozen(context, canonical, Operation);
                    Usage.ConsumerGuard.RefuseRemoval(canonical, Usage.ConsumerFile.Read(context.Paths, canonical), overrideConsumers);
                    statusBefore = store.ReadStatus(canonical);
                    context.WriteStatus(definition, EnvironmentState.Removing, null);
                }
                catch (CodeEnvException e) when (e.Kind == ErrorKind.InvalidData)
                {
                    // A damaged env.json must not make an env impossible to remove; it is not rewritten, only removed,
                    // and only by an administrator, since its owner cannot be read.
                    AccessPolicy.RequireAdministrator(settings, context.Caller, $"remove the damaged env '{canonical}'");
                    reporter.Verbose(e.Message);
                }

                string trashed;
                try
                {
                    trashed = context.Trash.Take(canonical);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    if (statusBefore != null)
                    {
                        store.WriteStatus(canonical, statusBefore);
                    }

                    throw new CodeEnvException(
                        ErrorIds.CodeEnvRemoveFailed,
                        $"The env '{canonical}' could not be removed: {e.Message}. It is unchanged. Close programs that use files in '{context.Paths.EnvFolder(canonical)}' and run Remove-CodeEnv again.",
                        canonical,
                        e);
                }

                store.ReleaseClaim(canonical);
                context.KernelSpecs.Forget(canonical, settings);
                Store.EnvironmentSecrets.Forget(context.Paths, canonical);
                DeleteTrashed(trashed, reporter);
            }
        }

        public static void DeleteTrashed(string trashed, IOperationReporter reporter)
        {
            var problem = Trash.Empty(trashed);
            if (problem != null)
            {
                reporter.Warning($"The env was removed, but its files could not all be deleted from '{trashed}': {problem}. They no longer block the name; delete them by hand.");
            }
        }
    }
}
