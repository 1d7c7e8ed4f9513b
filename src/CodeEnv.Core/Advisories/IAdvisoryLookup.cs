using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Advisories
{
    /// <summary>Where an audit finds the advisories that may concern package versions: the offline database, or OSV's API.</summary>
    public interface IAdvisoryLookup
    {
        AdvisorySource Source { get; }

        /// <summary>For each package version (by its index), the advisories that name the package; the audit decides which affect the version.</summary>
        Task<IReadOnlyList<IReadOnlyList<OsvAdvisory>>> CandidatesAsync(IReadOnlyList<(string Name, string Version)> packages, CancellationToken cancellation);
    }
}
