using Xunit.Abstractions;

[assembly: TestCollectionOrderer("CodeEnv.Cmdlets.Tests.LongestChainFirst", "CodeEnv.Cmdlets.Tests")]

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Starts the two container images' collections first, then the two served-root collections. Each images' chain runs
/// behind a fixture that builds images, and the first waits for the base image (about a minute on a machine without the
/// cached rootfs): last in a run they were its tail. The served-root collections next. Their classes run one after another, about six minutes in all and mostly
/// waiting on services and other users' processes; started in xunit's own order it began when most other classes were
/// done and ran alone at the end of the run with a core idle (a per-class profile of a run showed 380 of 680 seconds
/// with one test or none running). Started first, they run beside the others from the start. The served image build next,
/// which ran last and alone when it came in xunit's order.
/// </summary>
public sealed class LongestChainFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(Rank)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal)
            .ToList();

    private static int Rank(ITestCollection collection) => collection.DisplayName switch
    {
        ContainerImagesCollection.Name or ImageFreshnessCollection.Name => 0,
        ServedRootCollection.Name or ServiceCollection.Name => 1,
        // One class, but a minute or more of a service building and pushing an image: it was the run's last minute.
        _ when collection.DisplayName.EndsWith("." + nameof(ServedImageTests), StringComparison.Ordinal) => 2,
        _ => 3,
    };
}
