using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>The revisions of envs and of the root settings, and bringing an earlier revision of an env back.</summary>
    public sealed class HistoryService
    {
        private readonly EngineContext context;

        internal HistoryService(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>Every revision of the env's definition, newest first.</summary>
        public IReadOnlyList<HistoryEntry> Get(string name)
        {
            var canonical = context.Canonical(name);
            return context.Store.Definitions(canonical).History().Select(r => Entry(canonical, r)).ToList();
        }

        /// <summary>Every revision of the root settings, newest first.</summary>
        public IReadOnlyList<HistoryEntry> GetRoot() => RootStore.History(context.Paths).Select(r => Entry("", r)).ToList();

        /// <summary>
        /// Brings back an earlier definition as a new revision (the owner's right); Update-CodeEnv then installs its
        /// packages. The lifecycle state is not part of a revision, so it is not brought back.
        /// </summary>
        public EnvironmentInfo Restore(string name, int revision, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = context.Canonical(name);
            var old = context.Store.Definitions(canonical).History().FirstOrDefault(r => r.Revision == revision)?.Definition
                ?? throw new CodeEnvException(
                    ErrorKind.NotFound,
                    "RevisionNotFound",
                    $"The env '{canonical}' has no revision {revision}. Get-CodeEnvHistory -Name {canonical} lists its revisions.",
                    revision);
            return context.Transaction.Apply(
                canonical,
                "Restore-CodeEnv",
                EnvironmentRight.Own,
                (definition, settings, caller) =>
                {
                    // A restore is the Set-CodeEnv and Set-CodeEnvPackage calls that would bring the revision back, with
                    // their rules for this caller: no owner a Set-CodeEnv -Owner would refuse, no line they may not write.
                    AccessPolicy.RequireOwnerTransfer(definition, settings, caller, old.Owner, $" by restoring revision {revision}");
                    RequirementsParser.Parse(old.RequestedPackages, RequirementOptionPolicy.For(AccessPolicy.IsAdministrator(settings, caller)));
                    definition.Python = old.Python;
                    definition.Description = old.Description;
                    definition.Owner = old.Owner;
                    definition.UsableByAll = old.UsableByAll;
                    definition.GroupPermissions = old.GroupPermissions;
                    definition.RequestedPackages = old.RequestedPackages;
                    definition.PackageSets = old.PackageSets;
                    definition.JupyterSupport = old.JupyterSupport;
                    definition.Containers = old.Containers;
                },
                reporter,
                cancellation,
                outdatedDetail: $"Restored the packages of revision {revision}; Update-CodeEnv installs them.");
        }

        private HistoryEntry Entry<TDocument>(string name, RevisionRecord<TDocument> record)
            where TDocument : class, IRevisionedDocument =>
            new HistoryEntry(name, context.Paths.Root, record.Revision, record.ChangedBy, record.ChangedAt, record.Operation, record.Changes.Select(ChangeText.Describe).ToList());
    }
}
