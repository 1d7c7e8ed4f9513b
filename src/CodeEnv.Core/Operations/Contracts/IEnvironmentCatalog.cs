using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Reading envs. See <see cref="EnvironmentCatalog"/>. An env a caller may not use is still listed (names and owners
    /// are public on a served root) but shows no more than its name, owner, Python, state and dates.
    /// </summary>
    public interface IEnvironmentCatalog
    {
        [Requires(CallerRequirement.AnyLocalUser, "list the envs")]
        Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellation);

        [Requires(CallerRequirement.AnyLocalUser, "read")]
        Task<EnvironmentInfo> GetAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.AnyLocalUser, "read")]
        Task<IReadOnlyList<EnvironmentResult>> GetManyAsync(IReadOnlyList<string> names, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "read the installed packages of", "name")]
        Task<IReadOnlyList<InstalledPackage>> InstalledPackagesAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "read the logs of", "name")]
        Task<IReadOnlyList<LogEntry>> LogsAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.AnyLocalUser, "list the envs of a container config")]
        Task<IReadOnlyList<EnvironmentResult>> IncludedInAsync(string configName, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "compare", "reference", "difference")]
        Task<IReadOnlyList<PackageDifference>> CompareInstalledAsync(string reference, string difference, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "compare", "reference", "difference")]
        Task<IReadOnlyList<PackageDifference>> CompareRevisionsAsync(string reference, int referenceRevision, string difference, int differenceRevision, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "compare", "name")]
        Task<IReadOnlyList<PackageDifference>> CompareWithLastUpdateAsync(string name, CancellationToken cancellation);
    }
}
