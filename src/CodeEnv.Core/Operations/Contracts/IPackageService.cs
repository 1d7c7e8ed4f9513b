using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>Requested packages, package sets, the wheelhouse. See <see cref="PackageService"/>.</summary>
    public interface IPackageService
    {
        [Requires(CallerRequirement.Use, "read the packages of", "name")]
        Task<IReadOnlyList<PackageRequirement>> GetAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "change the packages of", "name")]
        /// <param name="force">Drops lines of packages that declared consumers pin (EnvironmentHasConsumers otherwise).</param>
        Task<EnvironmentInfo> SetPackagesAsync(string name, IReadOnlyList<string> lines, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "change the packages of", "name")]
        Task<EnvironmentInfo> AddPackagesAsync(string name, IReadOnlyList<string> lines, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "change the packages of", "name")]
        /// <param name="force">Removes packages that declared consumers pin (EnvironmentHasConsumers otherwise).</param>
        Task<EnvironmentInfo> RemovePackagesAsync(string name, IReadOnlyList<string> packageNames, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "change the packages of", "name")]
        Task<EnvironmentInfo> AddPackageSetsAsync(string name, IReadOnlyList<string> setNames, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.AnyLocalUser, "read the package sets")]
        Task<IReadOnlyList<PackageSet>> SetsAsync(CancellationToken cancellation);

        /// <summary>
        /// Begins publishing an archive of <paramref name="length"/> bytes: only for an administrator, and only up to the
        /// root's publish limit, both checked before anything is written. The archive arrives as its file name and bytes
        /// (the engine never opens a path of the caller's), in chunks (<see cref="ArchiveUpload"/>), straight
        /// to a file.
        /// </summary>
        /// <returns>The upload's id; the upload belongs to this engine (this connection on a served root) and is deleted if it ends first.</returns>
        [Requires(CallerRequirement.Administrator, "publish packages to the wheelhouse")]
        Task<string> BeginPublishAsync(string fileName, long length, bool force, CancellationToken cancellation);

        /// <summary>The next bytes of the upload.</summary>
        [Requires(CallerRequirement.Administrator, "publish packages to the wheelhouse")]
        Task PublishChunkAsync(string uploadId, byte[] content, CancellationToken cancellation);

        /// <summary>Publishes the uploaded archive once all its bytes arrived.</summary>
        [Requires(CallerRequirement.Administrator, "publish packages to the wheelhouse")]
        Task<PublishedPackage> EndPublishAsync(string uploadId, CancellationToken cancellation);
    }
}
