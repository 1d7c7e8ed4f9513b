using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>Vulnerability advisories: the root's offline database, audits of envs against it or OSV's API, and raising affected packages. See <see cref="AdvisoryService"/>.</summary>
    public interface IAdvisoryService
    {
        /// <summary>
        /// Begins importing an OSV export zip of <paramref name="length"/> bytes, sent in chunks as Publish-CodeEnvPackage
        /// sends an archive (<see cref="AdvisoryUpload"/>): only for an administrator, and only up to the root's publish limit.
        /// </summary>
        [Requires(CallerRequirement.Administrator, "import advisory databases")]
        Task<string> BeginImportAsync(long length, CancellationToken cancellation);

        [Requires(CallerRequirement.Administrator, "import advisory databases")]
        Task ImportChunkAsync(string uploadId, byte[] content, CancellationToken cancellation);

        /// <summary>Checks the uploaded zip is an OSV export and makes it the root's advisory database, replacing the one before in one step.</summary>
        [Requires(CallerRequirement.Administrator, "import advisory databases")]
        Task<AdvisoryDatabaseInfo> EndImportAsync(string uploadId, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>
        /// Audits each env of <paramref name="names"/> the caller may use (each other one is its PermissionDenied error in
        /// its result): its current set, and with <paramref name="includeHistory"/> its kept venv generations and the sets
        /// recorded for its revisions, against the offline database or OSV's API (the root's AdvisoryApiUrl).
        /// </summary>
        [Requires(CallerRequirement.AnyLocalUser, "audit envs")]
        Task<IReadOnlyList<AuditResult>> AuditAsync(IReadOnlyList<string> names, bool includeHistory, AdvisorySource source, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>
        /// Raises packages of the env to at least the versions given, in one update built beside the current venv and
        /// switched to like any update; refused, before anything is built, where a line of the env forbids a raise.
        /// </summary>
        [Requires(CallerRequirement.UpdatePackages, "raise the packages of", "name")]
        Task<EnvironmentInfo> RaiseAsync(string name, IReadOnlyList<PackageRaise> raises, IProgress<OperationReport>? progress, CancellationToken cancellation);
    }
}
