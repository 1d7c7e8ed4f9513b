using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CodeEnv.Cmdlets.Tests.LongestChainFirst", "CodeEnv.Cmdlets.Tests")]

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Starts the two served-root collections first. Their classes run one after another, about six minutes in all and mostly
/// waiting on services and other users' processes; started in xunit's own order it began when most other classes were
/// done and ran alone at the end of the run with a core idle (a per-class profile of a run showed 380 of 680 seconds
/// with one test or none running). Started first, they run beside the others from the start.
/// </summary>
public sealed class LongestChainFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName == ServedRootCollection.Name || c.DisplayName == ServiceCollection.Name ? 0 : 1)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal)
            .ToList();
}
