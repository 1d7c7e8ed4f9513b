using System.Collections.Generic;
using CodeEnv.Errors;

namespace CodeEnv.Operations
{
    /// <summary>Reading envs. See <see cref="EnvironmentCatalog"/>.</summary>
    public interface IEnvironmentCatalog
    {
        IReadOnlyList<string> Names();

        EnvironmentInfo Get(string name);

        IReadOnlyList<(string Name, EnvironmentInfo? Environment, CodeEnvException? Error)> GetMany(IReadOnlyList<string> names);

        IReadOnlyList<InstalledPackage> InstalledPackages(string name);

        IReadOnlyList<LogEntry> Logs(string name);

        IReadOnlyList<(string Name, EnvironmentInfo? Environment, CodeEnvException? Error)> IncludedIn(string configName);

        IReadOnlyList<PackageDifference> CompareInstalled(string reference, string difference);

        IReadOnlyList<PackageDifference> CompareRevisions(string reference, int referenceRevision, string difference, int differenceRevision);

        IReadOnlyList<PackageDifference> CompareWithLastUpdate(string name);
    }
}
