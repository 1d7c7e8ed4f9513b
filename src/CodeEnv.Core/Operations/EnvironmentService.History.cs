using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    public sealed partial class EnvironmentService
    {
        /// <summary>Every revision of the env's definition, newest first.</summary>
        public IReadOnlyList<HistoryEntry> History(string name)
        {
            var canonical = Canonical(name);
            return HistoryRecords(canonical)
                .Select(r => new HistoryEntry(canonical, paths.Root, r.Revision, r.ChangedBy, r.ChangedAt, r.Operation, r.Changes.Select(ChangeText.Describe).ToList()))
                .ToList();
        }

        /// <summary>Every revision of the root settings, newest first.</summary>
        public IReadOnlyList<HistoryEntry> RootHistory() =>
            RootStore.History(paths)
                .Select(r => new HistoryEntry("", paths.Root, r.Revision, r.ChangedBy, r.ChangedAt, r.Operation, r.Changes.Select(ChangeText.Describe).ToList()))
                .ToList();

        /// <summary>Brings back an earlier definition as a new revision; Update-CodeEnv then installs its packages.</summary>
        public Environment Restore(string name, int revision, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = Canonical(name);
            var record = HistoryRecords(canonical).FirstOrDefault(r => r.Revision == revision)
                ?? throw new CodeEnvException(
                    ErrorKind.NotFound,
                    "RevisionNotFound",
                    $"The env '{canonical}' has no revision {revision}. Get-CodeEnvHistory -Name {canonical} lists its revisions.",
                    revision);
            var old = record.Definition;
            var caller = identity.Current();
            var settings = Settings();
            return Change(canonical, "Restore-CodeEnv", EnvironmentRight.Own, definition =>
            {
                // A restore is the Set-CodeEnv and Set-CodeEnvPackage calls that would bring the revision back, with
                // their rules for this caller: no owner a Set-CodeEnv -Owner would refuse, no line they may not write.
                AccessPolicy.RequireOwnerTransfer(definition, settings, caller, old.Owner, $" by restoring revision {revision}");
                RequirementsParser.Parse(old.RequestedPackages, AccessPolicy.IsAdministrator(settings, caller));
                var packagesChange = !definition.RequestedPackages.SequenceEqual(old.RequestedPackages) || definition.JupyterSupport != old.JupyterSupport;
                definition.Python = old.Python;
                definition.Description = old.Description;
                definition.Owner = old.Owner;
                definition.UsableByAll = old.UsableByAll;
                definition.GroupPermissions = old.GroupPermissions;
                definition.RequestedPackages = old.RequestedPackages;
                definition.PackageSets = old.PackageSets;
                definition.JupyterSupport = old.JupyterSupport;
                definition.Containers = old.Containers;
                if (packagesChange)
                {
                    definition.State = EnvironmentState.Outdated;
                    definition.StateDetail = $"Restored the packages of revision {revision}; Update-CodeEnv installs them.";
                }
            }, reporter, cancellation);
        }

        private IEnumerable<HistoryRecord> HistoryRecords(string canonical)
        {
            var folder = paths.HistoryFolder(canonical);
            return !Directory.Exists(folder)
                ? Enumerable.Empty<HistoryRecord>()
                : Directory.GetFiles(folder, "*.json")
                    .Select(f => SchemaFile.Read<HistoryRecord>(f, HistoryRecord.CurrentSchemaVersion, "history", "HistoryFile"))
                    .OrderByDescending(r => r.Revision);
        }
    }
}
