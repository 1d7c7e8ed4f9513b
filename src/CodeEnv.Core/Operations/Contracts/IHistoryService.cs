using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Operations
{
    /// <summary>Revisions and restore. See <see cref="HistoryService"/>.</summary>
    public interface IHistoryService
    {
        IReadOnlyList<HistoryEntry> Get(string name);

        IReadOnlyList<HistoryEntry> GetRoot();

        Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, IOperationReporter reporter, CancellationToken cancellation);
    }
}
