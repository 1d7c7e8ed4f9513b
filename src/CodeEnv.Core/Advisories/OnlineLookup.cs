using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Advisories
{
    /// <summary>Advisories from OSV's API: one batch query for the versions, then each advisory it names, once for the whole audit.</summary>
    public sealed class OnlineLookup : IAdvisoryLookup
    {
        private readonly OsvApiClient client;

        public OnlineLookup(OsvApiClient client)
        {
            this.client = client;
        }

        public AdvisorySource Source => AdvisorySource.Online;

        public async Task<IReadOnlyList<IReadOnlyList<OsvAdvisory>>> CandidatesAsync(IReadOnlyList<(string Name, string Version)> packages, CancellationToken cancellation)
        {
            var ids = await client.QueryAsync(packages, cancellation).ConfigureAwait(false);
            var byId = new Dictionary<string, OsvAdvisory?>(StringComparer.Ordinal);
            foreach (var id in ids.SelectMany(i => i).Distinct(StringComparer.Ordinal))
            {
                byId[id] = await client.AdvisoryAsync(id, cancellation).ConfigureAwait(false);
            }

            return ids.Select(list => (IReadOnlyList<OsvAdvisory>)list.Select(id => byId[id]).Where(a => a != null).Select(a => a!).ToList()).ToList();
        }
    }
}
