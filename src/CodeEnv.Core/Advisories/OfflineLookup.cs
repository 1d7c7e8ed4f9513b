using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Advisories
{
    /// <summary>Advisories from the root's offline database: each package's file, read once for the whole audit.</summary>
    public sealed class OfflineLookup : IAdvisoryLookup
    {
        private readonly AdvisoryDatabase database;

        public OfflineLookup(AdvisoryDatabase database)
        {
            this.database = database;
        }

        public AdvisorySource Source => AdvisorySource.Offline;

        public Task<IReadOnlyList<IReadOnlyList<OsvAdvisory>>> CandidatesAsync(IReadOnlyList<(string Name, string Version)> packages, CancellationToken cancellation) =>
            Task.FromResult<IReadOnlyList<IReadOnlyList<OsvAdvisory>>>(packages.Select(p => database.For(p.Name)).ToList());
    }
}
