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
        Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, IProgress<OperationReport>? progress, CancellationToken cancellation);
    }
}
