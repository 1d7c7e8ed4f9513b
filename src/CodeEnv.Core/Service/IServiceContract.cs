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
    /// path the service would read or write for the caller except a venv to register). Each long operation reports
    /// through <see cref="IProgress{T}"/> and is cancelled by the caller's token.
    /// </summary>
    [StreamJsonRpc.JsonRpcContract]
    public partial interface IServiceContract
    {
        Task<RootSettings> SettingsAsync(CancellationToken cancellation);

        Task<RootSettings> ChangeSettingsAsync(RootSettingsChange change, CancellationToken cancellation);

        Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellation);

        Task<EnvironmentInfo> GetAsync(string name, CancellationToken cancellation);

        Task<IReadOnlyList<EnvironmentResult>> GetManyAsync(IReadOnlyList<string> names, CancellationToken cancellation);

        Task<IReadOnlyList<InstalledPackage>> InstalledPackagesAsync(string name, CancellationToken cancellation);

        Task<IReadOnlyList<LogEntry>> LogsAsync(string name, CancellationToken cancellation);

        Task<IReadOnlyList<EnvironmentResult>> IncludedInAsync(string configName, CancellationToken cancellation);

        Task<IReadOnlyList<PackageDifference>> CompareInstalledAsync(string reference, string difference, CancellationToken cancellation);

        Task<IReadOnlyList<PackageDifference>> CompareRevisionsAsync(string reference, int referenceRevision, string difference, int differenceRevision, CancellationToken cancellation);

        Task<IReadOnlyList<PackageDifference>> CompareWithLastUpdateAsync(string name, CancellationToken cancellation);

        Task<EnvironmentInfo> CreateAsync(NewEnvironmentRequest request, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<EnvironmentInfo> RegisterAsync(string name, string path, string? description, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<EnvironmentInfo> SetAsync(string name, EnvironmentSettingsChange change, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<EnvironmentInfo> UpdateAsync(string name, UpdateOptions options, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<HealthReport> TestAsync(string name, CancellationToken cancellation);

        /// <summary>The env, if the caller may use it and it has a python: the caller then starts that python itself.</summary>
        Task<EnvironmentInfo> UsableAsync(string name, CancellationToken cancellation);

        Task RemoveAsync(string name, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<IReadOnlyList<PackageRequirement>> PackagesAsync(string name, CancellationToken cancellation);

        Task<EnvironmentInfo> SetPackagesAsync(string name, IReadOnlyList<string> lines, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<EnvironmentInfo> AddPackagesAsync(string name, IReadOnlyList<string> lines, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<EnvironmentInfo> RemovePackagesAsync(string name, IReadOnlyList<string> packageNames, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<EnvironmentInfo> AddPackageSetsAsync(string name, IReadOnlyList<string> setNames, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<IReadOnlyList<PackageSet>> PackageSetsAsync(CancellationToken cancellation);

        /// <summary>
        /// Begins publishing an archive of <paramref name="length"/> bytes: only for an administrator, and only up to the
        /// root's publish limit, both checked before anything is written. The archive travels as its file name and bytes
        /// (the service never opens a path of the caller's), in chunks well under the message limit, straight to a file.
        /// </summary>
        /// <returns>The upload's id; the upload belongs to this connection and is deleted if it ends first.</returns>
        Task<string> BeginPublishAsync(string fileName, long length, bool force, CancellationToken cancellation);

        /// <summary>The next bytes of the upload.</summary>
        Task PublishChunkAsync(string uploadId, byte[] content, CancellationToken cancellation);

        /// <summary>Publishes the uploaded archive once all its bytes arrived.</summary>
        Task<PublishedPackage> EndPublishAsync(string uploadId, CancellationToken cancellation);

        Task<IReadOnlyList<PermissionEntry>> PermissionsAsync(string name, CancellationToken cancellation);

        Task<EnvironmentInfo> GrantAsync(string name, string group, GroupRight right, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<EnvironmentInfo> RevokeAsync(string name, string group, GroupRight? right, IProgress<OperationReport> reports, CancellationToken cancellation);

        Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string name, CancellationToken cancellation);

        Task<IReadOnlyList<HistoryEntry>> RootHistoryAsync(CancellationToken cancellation);

        Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, IProgress<OperationReport> reports, CancellationToken cancellation);

        /// <summary>The export document's text; the caller writes it where it wants.</summary>
        Task<string> ExportAsync(string name, CancellationToken cancellation);

        Task<EnvironmentInfo> CopyAsync(string name, string newName, bool locked, IProgress<OperationReport> reports, CancellationToken cancellation);

        /// <summary>Imports from the export document's text, which the caller read.</summary>
        Task<EnvironmentInfo> ImportAsync(string document, string? newName, bool locked, IProgress<OperationReport> reports, CancellationToken cancellation);

        /// <summary>The container build context's files; the caller writes them into its folder.</summary>
        Task<IReadOnlyList<ContextFile>> ContainerContextAsync(string name, string configName, CancellationToken cancellation);

        Task<IReadOnlyList<ContainerConfig>> ContainerConfigsAsync(CancellationToken cancellation);

        Task<ContainerConfig> AddContainerConfigAsync(ContainerConfig config, CancellationToken cancellation);

        Task RemoveContainerConfigAsync(string configName, bool force, IProgress<OperationReport> reports, CancellationToken cancellation);
    }
}
