using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Operations;
using CodeEnv.Security;

namespace CodeEnv.Service
{
    /// <summary>
    /// What the CodeEnv service accepts over its socket: the engine's typed operations and nothing else (no script, no
    /// path the service would open for the caller). Each operation declares what its caller must hold
    /// (<see cref="RequiresAttribute"/>), checked before it runs; each long one reports through
    /// <see cref="IProgress{T}"/> and is cancelled by the caller's token. An env a caller may not use is still listed
    /// (names and owners are public on a served root) but shows no more than its name, owner, Python, state and dates.
    /// </summary>
    [StreamJsonRpc.JsonRpcContract]
    public partial interface IServiceContract
    {
        [Requires(CallerRequirement.AnyLocalUser, "read the settings")]
        Task<RootSettings> SettingsAsync(CancellationToken cancellation);

        [Requires(CallerRequirement.Administrator, "change the root settings")]
        Task<RootSettings> ChangeSettingsAsync(RootSettingsChange change, CancellationToken cancellation);

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

        [Requires(CallerRequirement.Creator, "create envs")]
        Task<EnvironmentInfo> CreateAsync(NewEnvironmentRequest request, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.Creator, "register venvs")]
        Task<EnvironmentInfo> RegisterAsync(string newName, string path, string? description, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "run Set-CodeEnv on", "name")]
        Task<EnvironmentInfo> SetAsync(string name, EnvironmentSettingsChange change, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "update", "name")]
        Task<EnvironmentInfo> UpdateAsync(string name, UpdateOptions options, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "test", "name")]
        Task<HealthReport> TestAsync(string name, CancellationToken cancellation);

        /// <summary>The env, if the caller may use it and it has a python: the caller then starts that python itself.</summary>
        [Requires(CallerRequirement.Use, "use", "name")]
        Task<EnvironmentInfo> UsableAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.Own, "remove", "name")]
        Task RemoveAsync(string name, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "read the packages of", "name")]
        Task<IReadOnlyList<PackageRequirement>> PackagesAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "change the packages of", "name")]
        Task<EnvironmentInfo> SetPackagesAsync(string name, IReadOnlyList<string> lines, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "change the packages of", "name")]
        Task<EnvironmentInfo> AddPackagesAsync(string name, IReadOnlyList<string> lines, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "change the packages of", "name")]
        Task<EnvironmentInfo> RemovePackagesAsync(string name, IReadOnlyList<string> packageNames, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "change the packages of", "name")]
        Task<EnvironmentInfo> AddPackageSetsAsync(string name, IReadOnlyList<string> setNames, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.AnyLocalUser, "read the package sets")]
        Task<IReadOnlyList<PackageSet>> PackageSetsAsync(CancellationToken cancellation);

        /// <summary>
        /// Begins publishing an archive of <paramref name="length"/> bytes: only for an administrator, and only up to the
        /// root's publish limit, both checked before anything is written. The archive travels as its file name and bytes
        /// (the service never opens a path of the caller's), in chunks well under the message limit, straight to a file.
        /// </summary>
        /// <returns>The upload's id; the upload belongs to this connection and is deleted if it ends first.</returns>
        [Requires(CallerRequirement.Administrator, "publish packages to the wheelhouse")]
        Task<string> BeginPublishAsync(string fileName, long length, bool force, CancellationToken cancellation);

        /// <summary>The next bytes of the upload.</summary>
        [Requires(CallerRequirement.Administrator, "publish packages to the wheelhouse")]
        Task PublishChunkAsync(string uploadId, byte[] content, CancellationToken cancellation);

        /// <summary>Publishes the uploaded archive once all its bytes arrived.</summary>
        [Requires(CallerRequirement.Administrator, "publish packages to the wheelhouse")]
        Task<PublishedPackage> EndPublishAsync(string uploadId, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "read the permissions of", "name")]
        Task<IReadOnlyList<PermissionEntry>> PermissionsAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.ManageUsers, "change the permissions of", "name")]
        Task<EnvironmentInfo> GrantAsync(string name, string group, GroupRight right, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.ManageUsers, "change the permissions of", "name")]
        Task<EnvironmentInfo> RevokeAsync(string name, string group, GroupRight? right, IProgress<OperationReport> reports, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "read the history of", "name")]
        Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.AnyLocalUser, "read the history of the settings")]
        Task<IReadOnlyList<HistoryEntry>> RootHistoryAsync(CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "restore", "name")]
        Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, IProgress<OperationReport> reports, CancellationToken cancellation);

        /// <summary>The export document's text; the caller writes it where it wants.</summary>
        [Requires(CallerRequirement.Use, "export", "name")]
        Task<string> ExportAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.Creator, "create envs")]
        [Requires(CallerRequirement.Use, "copy", "name")]
        Task<EnvironmentInfo> CopyAsync(string name, string newName, bool locked, IProgress<OperationReport> reports, CancellationToken cancellation);

        /// <summary>Imports from the export document's text, which the caller read.</summary>
        [Requires(CallerRequirement.Creator, "create envs")]
        Task<EnvironmentInfo> ImportAsync(string document, string? newName, bool locked, IProgress<OperationReport> reports, CancellationToken cancellation);

        /// <summary>The container build context's files; the caller writes them into its folder.</summary>
        [Requires(CallerRequirement.Use, "export a container build context of", "name")]
        Task<IReadOnlyList<ContextFile>> ContainerContextAsync(string name, string configName, CancellationToken cancellation);

        [Requires(CallerRequirement.AnyLocalUser, "read the container configs")]
        Task<IReadOnlyList<ContainerConfig>> ContainerConfigsAsync(CancellationToken cancellation);

        [Requires(CallerRequirement.Administrator, "define container configs")]
        Task<ContainerConfig> AddContainerConfigAsync(ContainerConfig config, CancellationToken cancellation);

        [Requires(CallerRequirement.Administrator, "remove container configs")]
        Task RemoveContainerConfigAsync(string configName, bool force, IProgress<OperationReport> reports, CancellationToken cancellation);
    }
}
