using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>Revisions and restore. See <see cref="HistoryService"/>.</summary>
    public interface IHistoryService
    {
        [Requires(CallerRequirement.Use, "read the history of", "name")]
        Task<IReadOnlyList<HistoryEntry>> GetAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.AnyLocalUser, "read the history of the settings")]
        Task<IReadOnlyList<HistoryEntry>> GetRootAsync(CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "restore", "name")]
        /// <param name="force">Restores even a revision whose Python or packages break declared consumers (EnvironmentHasConsumers otherwise).</param>
        Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation);
    }
}
