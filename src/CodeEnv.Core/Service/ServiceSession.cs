using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;
using StreamJsonRpc;

namespace CodeEnv.Service
{
    /// <summary>
    /// The service's side of one connection: every operation runs in an engine whose caller is the connection's peer,
    /// as the kernel identified it, so the same access policy as in direct mode decides. Engine errors go back as
    /// <see cref="ServiceError"/> data; anything else as a generic failure, told in full to the service's log only.
    /// </summary>
    internal sealed class ServiceSession : IServiceContract
    {
        private readonly CodeEnvEngine engine;
        private readonly RootPaths paths;
        private readonly Action<string> log;
        private readonly CancellationToken serviceStopping;
        private readonly IIdentityProvider caller;
        private readonly PublishUploads uploads;

        /// <param name="serviceStopping">Cancelled when the service stops: what runs is cancelled, and its caller told why.</param>
        /// <param name="uploads">The connection's archive being published; the connection deletes it when it ends.</param>
        public ServiceSession(RootPaths paths, IIdentityProvider caller, IClock clock, IProcessRunner processes, IInterpreterDiscovery interpreters, Action<string> log, CancellationToken serviceStopping, PublishUploads uploads)
        {
            this.paths = paths;
            this.log = log;
            this.serviceStopping = serviceStopping;
            this.caller = caller;
            this.uploads = uploads;
            engine = new CodeEnvEngine(paths.Root, caller, clock, processes, interpreters);
        }

        /// <summary>Checks one requirement of an operation for this connection's caller, before the operation runs; a refusal is logged, so the journal shows who tried what.</summary>
        public void Authorize(string operation, RequiresAttribute requires, IReadOnlyList<string?> environments)
        {
            try
            {
                engine.Gate.Require(requires.Requirement, requires.Action, environments);
            }
            catch (CodeEnvException refused)
            {
                log($"refused {operation} for '{caller.Current().UserName}': {refused.ErrorId}");
                throw;
            }
        }

        public Task<RootSettings> SettingsAsync(CancellationToken cancellation) => Run(() => engine.Root.Settings());

        public Task<RootSettings> ChangeSettingsAsync(RootSettingsChange change, CancellationToken cancellation) => Run(() => engine.Root.Change(change));

        public Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellation) => Run(() => engine.Environments.Names());

        public Task<EnvironmentInfo> GetAsync(string name, CancellationToken cancellation) => Run(() => engine.Environments.Get(name));

        public Task<IReadOnlyList<EnvironmentResult>> GetManyAsync(IReadOnlyList<string> names, CancellationToken cancellation) => Run(() => Results(engine.Environments.GetMany(names)));

        public Task<IReadOnlyList<InstalledPackage>> InstalledPackagesAsync(string name, CancellationToken cancellation) => Run(() => engine.Environments.InstalledPackages(name));

        public Task<IReadOnlyList<LogEntry>> LogsAsync(string name, CancellationToken cancellation) => Run(() => engine.Environments.Logs(name));

        public Task<IReadOnlyList<EnvironmentResult>> IncludedInAsync(string configName, CancellationToken cancellation) => Run(() => Results(engine.Environments.IncludedIn(configName)));

        public Task<IReadOnlyList<PackageDifference>> CompareInstalledAsync(string reference, string difference, CancellationToken cancellation) =>
            Run(() => engine.Environments.CompareInstalled(reference, difference));

        public Task<IReadOnlyList<PackageDifference>> CompareRevisionsAsync(string reference, int referenceRevision, string difference, int differenceRevision, CancellationToken cancellation) =>
            Run(() => engine.Environments.CompareRevisions(reference, referenceRevision, difference, differenceRevision));

        public Task<IReadOnlyList<PackageDifference>> CompareWithLastUpdateAsync(string name, CancellationToken cancellation) => Run(() => engine.Environments.CompareWithLastUpdate(name));

        public Task<EnvironmentInfo> CreateAsync(NewEnvironmentRequest request, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            RunAsync(token => engine.Lifecycle.CreateAsync(request, new ReportsToProgress(reports), token), cancellation);

        public Task<EnvironmentInfo> RegisterAsync(string newName, string path, string? description, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            RunAsync(token => engine.Lifecycle.RegisterAsync(newName, path, description, new ReportsToProgress(reports), token), cancellation);

        public Task<EnvironmentInfo> SetAsync(string name, EnvironmentSettingsChange change, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token => engine.Lifecycle.Set(name, change, new ReportsToProgress(reports), token), cancellation);

        public Task<EnvironmentInfo> UpdateAsync(string name, UpdateOptions options, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            RunAsync(token => engine.Lifecycle.UpdateAsync(name, options, new ReportsToProgress(reports), token), cancellation);

        public Task<HealthReport> TestAsync(string name, CancellationToken cancellation) => RunAsync(token => engine.Lifecycle.TestAsync(name, token), cancellation);

        public Task<EnvironmentInfo> UsableAsync(string name, CancellationToken cancellation) => Run(() => engine.Lifecycle.Usable(name));

        public Task RemoveAsync(string name, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token =>
            {
                engine.Lifecycle.Remove(name, new ReportsToProgress(reports), token);
                return true;
            }, cancellation);

        public Task<IReadOnlyList<PackageRequirement>> PackagesAsync(string name, CancellationToken cancellation) => Run(() => engine.Packages.Get(name));

        public Task<EnvironmentInfo> SetPackagesAsync(string name, IReadOnlyList<string> lines, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token => engine.Packages.SetPackages(name, lines, new ReportsToProgress(reports), token), cancellation);

        public Task<EnvironmentInfo> AddPackagesAsync(string name, IReadOnlyList<string> lines, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token => engine.Packages.AddPackages(name, lines, new ReportsToProgress(reports), token), cancellation);

        public Task<EnvironmentInfo> RemovePackagesAsync(string name, IReadOnlyList<string> packageNames, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token => engine.Packages.RemovePackages(name, packageNames, new ReportsToProgress(reports), token), cancellation);

        public Task<EnvironmentInfo> AddPackageSetsAsync(string name, IReadOnlyList<string> setNames, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token => engine.Packages.AddPackageSets(name, setNames, new ReportsToProgress(reports), token), cancellation);

        public Task<IReadOnlyList<PackageSet>> PackageSetsAsync(CancellationToken cancellation) => Run(() => engine.Packages.Sets());

        // The right to publish and the size are checked before a byte is written; the bytes go straight to a file.
        public Task<string> BeginPublishAsync(string fileName, long length, bool force, CancellationToken cancellation) =>
            Run(() =>
            {
                engine.Packages.RequirePublisher();
                return uploads.Begin(fileName, length, force);
            });

        public Task PublishChunkAsync(string uploadId, byte[] content, CancellationToken cancellation) =>
            Run(() =>
            {
                uploads.Write(uploadId, content ?? new byte[0]);
                return true;
            });

        public Task<PublishedPackage> EndPublishAsync(string uploadId, CancellationToken cancellation) =>
            Run(() => uploads.Finish(uploadId, engine.Packages.Publish));

        public Task<IReadOnlyList<PermissionEntry>> PermissionsAsync(string name, CancellationToken cancellation) => Run(() => engine.Permissions.Get(name));

        public Task<EnvironmentInfo> GrantAsync(string name, string group, GroupRight right, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token => engine.Permissions.Grant(name, group, right, new ReportsToProgress(reports), token), cancellation);

        public Task<EnvironmentInfo> RevokeAsync(string name, string group, GroupRight? right, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token => engine.Permissions.Revoke(name, group, right, new ReportsToProgress(reports), token), cancellation);

        public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string name, CancellationToken cancellation) => Run(() => engine.History.Get(name));

        public Task<IReadOnlyList<HistoryEntry>> RootHistoryAsync(CancellationToken cancellation) => Run(() => engine.History.GetRoot());

        public Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            RunAsync(token => engine.History.RestoreAsync(name, revision, definitionOnly, new ReportsToProgress(reports), token), cancellation);

        public Task<string> ExportAsync(string name, CancellationToken cancellation) =>
            Run(() => InWorkFolder(folder =>
            {
                var file = Path.Combine(folder, "export.json");
                engine.Transfer.Export(name, file);
                return File.ReadAllText(file);
            }));

        public Task<EnvironmentInfo> CopyAsync(string name, string newName, bool locked, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            RunAsync(token => engine.Transfer.CopyAsync(name, newName, locked, new ReportsToProgress(reports), token), cancellation);

        public Task<EnvironmentInfo> ImportAsync(string document, string? newName, bool locked, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            RunAsync(token => InWorkFolderAsync(async folder =>
            {
                var file = Path.Combine(folder, "import.json");
                File.WriteAllText(file, document ?? "");
                return await engine.Transfer.ImportAsync(file, newName, locked, new ReportsToProgress(reports), token).ConfigureAwait(false);
            }), cancellation);

        public Task<IReadOnlyList<ContextFile>> ContainerContextAsync(string name, string configName, CancellationToken cancellation) =>
            Run(() => InWorkFolder<IReadOnlyList<ContextFile>>(folder =>
            {
                var context = Path.Combine(folder, "context");
                engine.Transfer.ExportContainerFile(name, configName, context);
                // Everything the engine left in the folder, byte for byte: the caller's folder becomes the same tree.
                return Directory.EnumerateFileSystemEntries(context, "*", SearchOption.AllDirectories)
                    .OrderBy(entry => entry, StringComparer.Ordinal)
                    .Select(entry => Directory.Exists(entry)
                        ? new ContextFile { RelativePath = RelativeTo(context, entry), IsFolder = true }
                        : new ContextFile { RelativePath = RelativeTo(context, entry), Content = File.ReadAllBytes(entry) })
                    .ToList();
            }));

        public Task<IReadOnlyList<ContainerConfig>> ContainerConfigsAsync(CancellationToken cancellation) => Run(() => engine.Containers.Configs());

        public Task<ContainerConfig> AddContainerConfigAsync(ContainerConfig config, CancellationToken cancellation) => Run(() => engine.Containers.Add(config));

        public Task RemoveContainerConfigAsync(string configName, bool force, IProgress<OperationReport> reports, CancellationToken cancellation) =>
            Run(token =>
            {
                engine.Containers.Remove(configName, force, new ReportsToProgress(reports), token);
                return true;
            }, cancellation);

        private static IReadOnlyList<EnvironmentResult> Results(IReadOnlyList<(string Name, EnvironmentInfo? Environment, CodeEnvException? Error)> results) =>
            results.Select(r => new EnvironmentResult { Name = r.Name, Environment = r.Environment, Error = r.Error == null ? null : ServiceError.Of(r.Error) }).ToList();

        private static string RelativeTo(string folder, string file) =>
            file.Substring(folder.Length).TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Replace(Path.DirectorySeparatorChar, '/');

        private T InWorkFolder<T>(Func<string, T> work) => InWorkFolderAsync(folder => Task.FromResult(work(folder))).GetAwaiter().GetResult();

        // A fresh folder per call under state/, which only the service account can reach; gone when the call ends.
        private async Task<T> InWorkFolderAsync<T>(Func<string, Task<T>> work)
        {
            var folder = Path.Combine(paths.ServiceWorkFolder, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                return await work(folder).ConfigureAwait(false);
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }

        private Task<T> Run<T>(Func<T> work) => RunAsync(() => Task.Run(work));

        private Task<T> Run<T>(Func<CancellationToken, T> work, CancellationToken caller) => RunAsync(token => Task.Run(() => work(token)), caller);

        // The operation is cancelled by the caller's Ctrl+C or by the service's stop, whichever comes first.
        private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken caller)
        {
            using (var either = CancellationTokenSource.CreateLinkedTokenSource(caller, serviceStopping))
            {
                return await RunAsync(() => work(either.Token)).ConfigureAwait(false);
            }
        }

        private async Task<T> RunAsync<T>(Func<Task<T>> work)
        {
            try
            {
                return await work().ConfigureAwait(false);
            }
            catch (Exception e) when ((e is OperationCanceledException || (e is CodeEnvException stopped && stopped.Kind == ErrorKind.Stopped)) && serviceStopping.IsCancellationRequested)
            {
                var error = new ServiceError
                {
                    Kind = ErrorKind.Stopped,
                    ErrorId = "ServiceStopped",
                    Message = "The CodeEnv service stopped while this operation ran, so it was interrupted: what was saved stays saved, and an env keeps serving the venv it had (Get-CodeEnv shows its state). Run the command again once the service is back.",
                };
                throw new LocalRpcException(error.Message) { ErrorCode = ServiceError.Code, ErrorData = error };
            }
            catch (CodeEnvException e) when (e.Kind != ErrorKind.Stopped)
            {
                throw new LocalRpcException(e.Message) { ErrorCode = ServiceError.Code, ErrorData = ServiceError.Of(e) };
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (CodeEnvException)
            {
                throw new OperationCanceledException();
            }
            catch (Exception e) when (!(e is LocalRpcException))
            {
                log("operation failed: " + e);
                var error = new ServiceError { Kind = ErrorKind.OperationFailed, ErrorId = "ServiceFailed", Message = $"The CodeEnv service failed: {e.Message} Its log (journalctl -u codeenv) has the details." };
                throw new LocalRpcException(error.Message) { ErrorCode = ServiceError.Code, ErrorData = error };
            }
        }
    }
}
