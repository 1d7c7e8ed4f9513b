using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Disable-CodeEnv and Enable-CodeEnv. An archived env keeps its definition, history and lock, leaves the kernel lists
    /// and refuses new use and every change but who may use it; its venvs are deleted (an archive that frees nothing is of
    /// little use on a root of hundreds of envs), and bringing it back rebuilds the current venv from its lock through the
    /// package store, which keeps every file the lock names (installed.json stays, and the store keeps what it names).
    /// </summary>
    internal sealed class Archiving
    {
        public const string DisableOperation = "Disable-CodeEnv";
        public const string EnableOperation = "Enable-CodeEnv";

        private readonly EngineContext context;
        private readonly Updater updater;

        public Archiving(EngineContext context, Updater updater)
        {
            this.context = context;
            this.updater = updater;
        }

        public EnvironmentInfo Archive(string name, bool keepVenv, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = context.Canonical(name);
            context.Store.RefuseLinkedFolder(canonical);
            var settings = context.Settings();
            // The venv lock first, as a removal takes it: no update may be building beside a venv being deleted.
            using (context.Locks.AcquireVenv(canonical, DisableOperation, settings, reporter, cancellation))
            using (context.Locks.Acquire(canonical, DisableOperation, settings, reporter, cancellation))
            {
                var definition = context.Store.Read(canonical);
                AccessPolicy.Require(definition, settings, context.Caller, EnvironmentRight.Own, "archive");
                if (context.Marks.IsArchived(canonical))
                {
                    reporter.Verbose($"'{canonical}' is archived already.");
                    return context.Info(definition);
                }

                var status = context.Store.ReadStatus(canonical);
                // A registered venv is not CodeEnv's to delete; -KeepVenv keeps ours.
                var delete = !keepVenv && definition.RegisteredVenv == null && VenvGenerations.Supported;
                var record = new ArchiveRecord
                {
                    ArchivedBy = context.Caller.UserName,
                    ArchivedAt = context.Clock.UtcNow,
                    VenvDeleted = delete,
                    FreedBytes = delete ? status.VenvSizeBytes + status.KeptVenvsSizeBytes : 0,
                };
                // Written first: from here on nobody starts it, whatever the deletion below leaves.
                context.Marks.WriteArchive(canonical, record);
                context.KernelSpecs.Forget(canonical, settings);
                if (delete)
                {
                    DeleteVenvs(canonical, reporter);
                    var installed = context.Store.ReadInstalled(canonical) != null;
                    context.WriteStatus(definition, EnvironmentState.Outdated, installed
                        ? $"Archived by {record.ArchivedBy} at {record.ArchivedAt:u}; its venvs were deleted. Enable-CodeEnv -Name {canonical} rebuilds the venv from its lock."
                        : $"Archived by {record.ArchivedBy} at {record.ArchivedAt:u}; it was never installed.");
                    context.WriteDiskUse(canonical, Array.Empty<KeptVenv>());
                    reporter.Verbose($"Archived '{canonical}' and deleted its venvs ({record.FreedBytes} bytes as measured when built; files shared with the package store stay there for the rebuild).");
                }
                else
                {
                    reporter.Verbose($"Archived '{canonical}'; its venv stays on disk.");
                }

                return context.Info(definition);
            }
        }

        public async Task<EnvironmentInfo> RestoreAsync(string name, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = context.Canonical(name);
            var settings = context.Settings();
            using (var venvLock = context.Locks.AcquireVenv(canonical, EnableOperation, settings, reporter, cancellation))
            using (var lockHolds = new LockHoldReport(EnableOperation, canonical, reporter))
            {
                EnvironmentDefinition definition;
                ArchiveRecord? archive;
                using (context.Locks.Acquire(canonical, EnableOperation, settings, reporter, cancellation, lockHolds))
                {
                    definition = context.Store.Read(canonical);
                    AccessPolicy.Require(definition, settings, context.Caller, EnvironmentRight.Own, "bring back");
                    archive = context.Marks.Archive(canonical);
                    if (archive == null)
                    {
                        reporter.Verbose($"'{canonical}' is not archived.");
                        return context.Info(definition);
                    }

                    context.Marks.ClearArchive(canonical);
                }

                var serving = File.Exists(VenvLayout.Python(context.ServingVenv(definition))) && File.Exists(VenvLayout.Python(context.VenvOf(definition)));
                var installed = context.Marks.Freeze(canonical)?.Lock ?? context.Store.ReadInstalled(canonical);
                if (serving || installed == null || definition.RegisteredVenv != null)
                {
                    var state = context.Store.ReadStatus(canonical).State;
                    context.KernelSpecs.Follow(definition, state, settings);
                    reporter.Verbose(serving ? $"'{canonical}' is back; its venv was kept." : $"'{canonical}' is back; it was never installed, so Update-CodeEnv builds it.");
                    return context.Info(definition);
                }

                reporter.Verbose($"'{canonical}' is back; rebuilding its venv from its lock ({installed.Packages.Count} packages, revision {installed.Revision}).");
                var options = new UpdateOptions
                {
                    Rebuild = true,
                    Constraints = LockPins.Lines(installed.Packages, includeVenvTooling: true),
                    ExpectedArtifacts = installed.Packages,
                };
                return await updater.UpdateHeldAsync(definition, settings, options, venvLock.RecordChild, lockHolds, reporter, cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>The guard of use and change: an archived env is brought back with Enable-CodeEnv first.</summary>
        public static void RequireActive(EngineContext context, string canonical, string refused)
        {
            var archive = context.Marks.Archive(canonical);
            if (archive != null)
            {
                throw new CodeEnvException(
                    ErrorIds.EnvironmentArchived,
                    $"The env '{canonical}' was archived by {archive.ArchivedBy} at {archive.ArchivedAt:u}, so {refused} is refused. Enable-CodeEnv -Name {canonical} brings it back{(archive.VenvDeleted ? " (it rebuilds the venv from its lock)" : "")}.",
                    canonical);
            }
        }

        private void DeleteVenvs(string canonical, IOperationReporter reporter)
        {
            var stable = context.Paths.VenvFolder(canonical);
            if (UnixLinks.ReadSymbolicLink(stable) != null)
            {
                File.Delete(stable);
            }
            else if (Directory.Exists(stable))
            {
                Empty(context.Trash.TakeVenv(canonical, stable), reporter);
            }

            var generations = context.Paths.GenerationsFolder(canonical);
            if (Directory.Exists(generations))
            {
                Empty(context.Trash.TakeVenv(canonical, generations), reporter);
            }
        }

        private static void Empty(string trashed, IOperationReporter reporter)
        {
            var problem = Trash.Empty(trashed);
            if (problem != null)
            {
                reporter.Warning($"The env was archived, but its venv's files could not all be deleted from '{trashed}': {problem}. Delete them by hand.");
            }
        }
    }
}
