using System.Collections.Generic;
using System.Threading;

namespace CodeEnv.Operations
{
    /// <summary>Requested packages, package sets, the wheelhouse. See <see cref="PackageService"/>.</summary>
    public interface IPackageService
    {
        IReadOnlyList<PackageRequirement> Get(string name);

        EnvironmentInfo SetPackages(string name, IReadOnlyList<string> lines, IOperationReporter reporter, CancellationToken cancellation);

        EnvironmentInfo AddPackages(string name, IReadOnlyList<string> lines, IOperationReporter reporter, CancellationToken cancellation);

        EnvironmentInfo RemovePackages(string name, IReadOnlyList<string> packageNames, IOperationReporter reporter, CancellationToken cancellation);

        EnvironmentInfo AddPackageSets(string name, IReadOnlyList<string> setNames, IOperationReporter reporter, CancellationToken cancellation);

        IReadOnlyList<PackageSet> Sets();

        /// <summary>Publishes the archive at <paramref name="archive"/>, a file the caller can read.</summary>
        PublishedPackage Publish(string archive, bool force);
    }
}
