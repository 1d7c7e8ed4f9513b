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

        /// <summary>
        /// Freezes the env at <paramref name="revision"/> (null: its current one), restoring it first when it is an earlier
        /// one. The owner's right: a freeze refuses changes to everyone who may update the env.
        /// </summary>
        [Requires(CallerRequirement.Own, "freeze", "name")]
        Task<EnvironmentInfo> LockAsync(string name, int? revision, string? reason, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>Lifts a freeze: the owner's right, and an administrator's where an administrator froze it.</summary>
        [Requires(CallerRequirement.Own, "unfreeze", "name")]
        Task<EnvironmentInfo> UnlockAsync(string name, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "restore", "name")]
        /// <param name="force">Restores even a revision whose Python or packages break declared consumers (EnvironmentHasConsumers otherwise).</param>
        Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation);
    }
}
