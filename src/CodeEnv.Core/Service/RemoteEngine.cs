using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CodeEnv.Service
{
    /// <summary>
    /// The engine of a served root as the caller's cmdlets see it: each typed method is sent to the service over one
    /// connection, and its result, errors, reports and cancellation come back as the engine in this process would give
    /// them. Paths in a call name the caller's files, so the caller's process reads and writes them.
    /// </summary>
    public sealed class RemoteEngine : ICodeEnvEngine, IDisposable
    {
        private readonly ServedRoot served;
        private readonly (Socket Socket, JsonRpc Rpc, IServiceContract Service) connection;

        /// <summary>Connects to the root's service: a service that is not running is this call's error, with how to start it.</summary>
        public RemoteEngine(ServedRoot served)
        {
            this.served = served;
            connection = Connect();
            Root = new RemoteRoot(this);
            Environments = new RemoteCatalog(this);
            Lifecycle = new RemoteLifecycle(this);
            Packages = new RemotePackages(this);
            Permissions = new RemotePermissions(this);
            History = new RemoteHistory(this);
            Transfer = new RemoteTransfer(this);
            Containers = new RemoteContainers(this);
        }

        public IRootService Root { get; }

        public IEnvironmentCatalog Environments { get; }

        public ILifecycleService Lifecycle { get; }

        public IPackageService Packages { get; }

        public IPermissionService Permissions { get; }

        public IHistoryService History { get; }

        public ITransferService Transfer { get; }

        public IContainerConfigService Containers { get; }

        public void Dispose()
        {
            connection.Rpc.Dispose();
            connection.Socket.Dispose();
        }

        private (Socket, JsonRpc, IServiceContract) Connect()
        {
            var socket = UnixSocket.Create();
            try
            {
                socket.Connect(UnixSocket.EndPoint(served.Endpoint));
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw e.SocketErrorCode == SocketError.AccessDenied
                    ? new CodeEnvException(ErrorKind.PermissionDenied, "ServiceAccessDenied", $"This user may not connect to the CodeEnv service of '{served.Paths.Root}' ('{served.Endpoint}': {e.Message}). The socket and the folders above it must be open to every local user; the install script under deploy/ sets them so.", served.Paths.Root)
                    : served.NotRunning(e.SocketErrorCode == SocketError.ConnectionRefused ? "nothing listens" : e.Message);
            }

            var rpc = ServiceWire.Open(new NetworkStream(socket, ownsSocket: false), caller: true);
            var service = rpc.Attach<IServiceContract>();
            rpc.StartListening();
            return (socket, rpc, service);
        }

        /// <summary>Runs one call and gives back its result, or the engine error the service reported.</summary>
        private async Task<T> Call<T>(Func<IServiceContract, Task<T>> call)
        {
            var service = connection.Service;
            try
            {
                return await call(service).ConfigureAwait(false);
            }
            catch (RemoteInvocationException e) when (e.ErrorCode == ServiceError.Code && e.ErrorData is JToken data)
            {
                throw data.ToObject<ServiceError>()!.ToException();
            }
            catch (RemoteInvocationException e)
            {
                throw new CodeEnvException(ErrorKind.OperationFailed, "ServiceFailed", $"The CodeEnv service failed: {e.Message}", served.Paths.Root, e);
            }
            catch (ConnectionLostException e)
            {
                throw new CodeEnvException(
                    ErrorKind.OperationFailed,
                    "ServiceConnectionLost",
                    $"The connection to the CodeEnv service of '{served.Paths.Root}' ended before the operation finished (the service stopped or was killed). An update it was running was interrupted and changed nothing that serves; Get-CodeEnv shows the env's state once the service is back ('sudo systemctl start codeenv'). Then run the command again.",
                    served.Paths.Root,
                    e);
            }
        }

        private async Task Call(Func<IServiceContract, Task> call) =>
            await Call(async s =>
            {
                await call(s).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);

        private T Wait<T>(Func<IServiceContract, Task<T>> call) => Task.Run(() => Call(call)).GetAwaiter().GetResult();

        private void Wait(Func<IServiceContract, Task> call) => Task.Run(() => Call(call)).GetAwaiter().GetResult();

        private ContainerConfig InThisRoot(ContainerConfig config)
        {
            config.Root = served.Paths.Root;
            return config;
        }

        private static IReadOnlyList<(string Name, EnvironmentInfo? Environment, CodeEnvException? Error)> Results(IReadOnlyList<EnvironmentResult> results) =>
            results.Select(r => (r.Name, r.Environment, r.Error?.ToException())).ToList();

        private sealed class RemoteRoot : IRootService
        {
            private readonly RemoteEngine remote;

            public RemoteRoot(RemoteEngine remote) => this.remote = remote;

            public string Root => remote.served.Paths.Root;

            public RootSettings Settings() => remote.Wait(s => s.SettingsAsync(CancellationToken.None));

            public RootSettings Change(RootSettingsChange change) => remote.Wait(s => s.ChangeSettingsAsync(change, CancellationToken.None));
        }

        private sealed class RemoteCatalog : IEnvironmentCatalog
        {
            private readonly RemoteEngine remote;

            public RemoteCatalog(RemoteEngine remote) => this.remote = remote;

            public IReadOnlyList<string> Names() => remote.Wait(s => s.NamesAsync(CancellationToken.None));

            public EnvironmentInfo Get(string name) => remote.Wait(s => s.GetAsync(name, CancellationToken.None));

            public IReadOnlyList<(string Name, EnvironmentInfo? Environment, CodeEnvException? Error)> GetMany(IReadOnlyList<string> names) =>
                Results(remote.Wait(s => s.GetManyAsync(names, CancellationToken.None)));

            public IReadOnlyList<InstalledPackage> InstalledPackages(string name) => remote.Wait(s => s.InstalledPackagesAsync(name, CancellationToken.None));

            public IReadOnlyList<LogEntry> Logs(string name) => remote.Wait(s => s.LogsAsync(name, CancellationToken.None));

            public IReadOnlyList<(string Name, EnvironmentInfo? Environment, CodeEnvException? Error)> IncludedIn(string configName) =>
                Results(remote.Wait(s => s.IncludedInAsync(configName, CancellationToken.None)));

            public IReadOnlyList<PackageDifference> CompareInstalled(string reference, string difference) =>
                remote.Wait(s => s.CompareInstalledAsync(reference, difference, CancellationToken.None));

            public IReadOnlyList<PackageDifference> CompareRevisions(string reference, int referenceRevision, string difference, int differenceRevision) =>
                remote.Wait(s => s.CompareRevisionsAsync(reference, referenceRevision, difference, differenceRevision, CancellationToken.None));

            public IReadOnlyList<PackageDifference> CompareWithLastUpdate(string name) => remote.Wait(s => s.CompareWithLastUpdateAsync(name, CancellationToken.None));
        }

        private sealed class RemoteLifecycle : ILifecycleService
        {
            private readonly RemoteEngine remote;

            public RemoteLifecycle(RemoteEngine remote) => this.remote = remote;

            // What the request names on the caller's side is read here, as the caller: the service gets data, not paths.
            public Task<EnvironmentInfo> CreateAsync(NewEnvironmentRequest request, IOperationReporter reporter, CancellationToken cancellation)
            {
                if (!string.IsNullOrEmpty(request.FromVenv))
                {
                    // The service picks its own interpreter of the venv's exact version: it never runs one the venv names.
                    request = VenvAdoption.Request(request, ExistingVenv.Open(request.FromVenv!), null, remote.served.Paths.Root, reporter);
                }
                else if (!string.IsNullOrEmpty(request.InterpreterPath))
                {
                    // python3 -> python3.11, a venv's python -> its base: the service compares the real file with the ones it knows.
                    request.InterpreterPath = RealPath.Of(request.InterpreterPath!);
                }

                return remote.Call(s => s.CreateAsync(request, new ProgressToReporter(reporter), cancellation));
            }

            public Task<EnvironmentInfo> RegisterAsync(string name, string path, string? description, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Call(s => s.RegisterAsync(name, path, description, new ProgressToReporter(reporter), cancellation));

            public EnvironmentInfo Set(string name, EnvironmentSettingsChange change, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.SetAsync(name, change, new ProgressToReporter(reporter), cancellation));

            public Task<EnvironmentInfo> UpdateAsync(string name, UpdateOptions options, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Call(s => s.UpdateAsync(name, options, new ProgressToReporter(reporter), cancellation));

            public Task<HealthReport> TestAsync(string name, CancellationToken cancellation) => remote.Call(s => s.TestAsync(name, cancellation));

            public void Remove(string name, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.RemoveAsync(name, new ProgressToReporter(reporter), cancellation));

            // The service says whether the caller may use the env; the caller's own process then starts its python, as
            // the caller, and the env folder's ACL has the last word.
            public async Task<int> RunPythonAsync(string name, IReadOnlyList<string> arguments, string? workingDirectory, Action<string> onOutput, Action<string> onError, CancellationToken cancellation)
            {
                var environment = await remote.Call(s => s.UsableAsync(name, cancellation)).ConfigureAwait(false);
                var run = await SystemProcessRunner.Instance.RunAsync(environment.PythonPath, arguments, onOutput, cancellation, null, onError, workingDirectory: workingDirectory).ConfigureAwait(false);
                return run.ExitCode;
            }
        }

        private sealed class RemotePackages : IPackageService
        {
            private readonly RemoteEngine remote;

            public RemotePackages(RemoteEngine remote) => this.remote = remote;

            public IReadOnlyList<PackageRequirement> Get(string name) => remote.Wait(s => s.PackagesAsync(name, CancellationToken.None));

            public EnvironmentInfo SetPackages(string name, IReadOnlyList<string> lines, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.SetPackagesAsync(name, lines, new ProgressToReporter(reporter), cancellation));

            public EnvironmentInfo AddPackages(string name, IReadOnlyList<string> lines, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.AddPackagesAsync(name, lines, new ProgressToReporter(reporter), cancellation));

            public EnvironmentInfo RemovePackages(string name, IReadOnlyList<string> packageNames, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.RemovePackagesAsync(name, packageNames, new ProgressToReporter(reporter), cancellation));

            public EnvironmentInfo AddPackageSets(string name, IReadOnlyList<string> setNames, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.AddPackageSetsAsync(name, setNames, new ProgressToReporter(reporter), cancellation));

            public IReadOnlyList<PackageSet> Sets() => remote.Wait(s => s.PackageSetsAsync(CancellationToken.None));

            public PublishedPackage Publish(string archive, bool force)
            {
                Wheelhouse.RequireArchiveFile(archive);

                var content = File.ReadAllBytes(archive);
                return remote.Wait(s => s.PublishAsync(Path.GetFileName(archive), content, force, CancellationToken.None));
            }
        }

        private sealed class RemotePermissions : IPermissionService
        {
            private readonly RemoteEngine remote;

            public RemotePermissions(RemoteEngine remote) => this.remote = remote;

            public IReadOnlyList<PermissionEntry> Get(string name) => remote.Wait(s => s.PermissionsAsync(name, CancellationToken.None));

            public EnvironmentInfo Grant(string name, string group, GroupRight right, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.GrantAsync(name, group, right, new ProgressToReporter(reporter), cancellation));

            public EnvironmentInfo Revoke(string name, string group, GroupRight? right, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.RevokeAsync(name, group, right, new ProgressToReporter(reporter), cancellation));
        }

        private sealed class RemoteHistory : IHistoryService
        {
            private readonly RemoteEngine remote;

            public RemoteHistory(RemoteEngine remote) => this.remote = remote;

            public IReadOnlyList<HistoryEntry> Get(string name) => remote.Wait(s => s.HistoryAsync(name, CancellationToken.None));

            public IReadOnlyList<HistoryEntry> GetRoot() => remote.Wait(s => s.RootHistoryAsync(CancellationToken.None));

            public Task<EnvironmentInfo> RestoreAsync(string name, int revision, bool definitionOnly, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Call(s => s.RestoreAsync(name, revision, definitionOnly, new ProgressToReporter(reporter), cancellation));
        }

        private sealed class RemoteTransfer : ITransferService
        {
            private readonly RemoteEngine remote;

            public RemoteTransfer(RemoteEngine remote) => this.remote = remote;

            public void Export(string name, string path) => AtomicFile.WriteAllText(path, remote.Wait(s => s.ExportAsync(name, CancellationToken.None)));

            public Task<EnvironmentInfo> CopyAsync(string name, string newName, bool locked, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Call(s => s.CopyAsync(name, newName, locked, new ProgressToReporter(reporter), cancellation));

            public Task<EnvironmentInfo> ImportAsync(string path, string? newName, bool locked, IOperationReporter reporter, CancellationToken cancellation)
            {
                TransferService.RequireExportFile(path);
                var document = SchemaFile.ReadDocumentText(path, DocumentSchemas.Export);
                return remote.Call(s => s.ImportAsync(document, newName, locked, new ProgressToReporter(reporter), cancellation));
            }

            public IReadOnlyList<string> ExportContainerFile(string name, string configName, string folder)
            {
                TransferService.RequireEmptyContextFolder(folder);

                var files = remote.Wait(s => s.ContainerContextAsync(name, configName, CancellationToken.None));
                Directory.CreateDirectory(folder);
                var written = new List<string>();
                foreach (var file in files)
                {
                    var path = Path.GetFullPath(Path.Combine(folder, file.RelativePath));
                    if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        throw new CodeEnvException(ErrorKind.InvalidData, "ContainerContextInvalid", $"The service sent a build context file outside the folder ('{file.RelativePath}'); nothing more was written.", folder);
                    }

                    if (file.IsFolder)
                    {
                        Directory.CreateDirectory(path);
                        continue;
                    }

                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllBytes(path, file.Content ?? new byte[0]);
                    written.Add(path);
                }

                return written;
            }
        }

        private sealed class RemoteContainers : IContainerConfigService
        {
            private readonly RemoteEngine remote;

            public RemoteContainers(RemoteEngine remote) => this.remote = remote;

            public IReadOnlyList<ContainerConfig> Configs() => remote.Wait(s => s.ContainerConfigsAsync(CancellationToken.None)).Select(remote.InThisRoot).ToList();

            public ContainerConfig Add(ContainerConfig config) => remote.InThisRoot(remote.Wait(s => s.AddContainerConfigAsync(config, CancellationToken.None)));

            public void Remove(string configName, bool force, IOperationReporter reporter, CancellationToken cancellation) =>
                remote.Wait(s => s.RemoveContainerConfigAsync(configName, force, new ProgressToReporter(reporter), cancellation));
        }
    }
}
