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
    /// them. Paths in a call name the caller's files, so the caller's process reads and writes them. A connection the
    /// service closed between two calls (it was idle) is opened again for the next call; a call that was in flight is
    /// never sent again.
    /// </summary>
    public sealed class RemoteEngine : ICodeEnvEngine, IDisposable
    {
        // How long a connection waits for the service's greeting before it says the service does not answer.
        private static readonly TimeSpan GreetingTimeout = TimeSpan.FromSeconds(30);

        private readonly ServedRoot served;
        private readonly object gate = new object();
        private Connection? connection;

        /// <summary>Connects to the root's service: a service that is not running, or that refuses this user another connection, is this call's error.</summary>
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

        public void Dispose() => Release();

        /// <summary>Closes the connection (the next call opens another), so long work in this process holds none.</summary>
        private void Release()
        {
            lock (gate)
            {
                connection?.Dispose();
                connection = null;
            }
        }

        /// <summary>The open connection, or a new one if the service closed the last (between calls: nothing was lost).</summary>
        private Connection Current()
        {
            lock (gate)
            {
                if (connection == null || connection.IsClosed)
                {
                    connection?.Dispose();
                    connection = null;
                    connection = Connect();
                }

                return connection;
            }
        }

        private Connection Connect()
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

            try
            {
                // The service speaks first: the message size it reads, or why it refuses this connection.
                var maxMessageBytes = ConnectionGreeting.Read(socket, served, GreetingTimeout);
                var cap = new OutgoingMessageCap(new NetworkStream(socket, ownsSocket: false), maxMessageBytes, served.Paths.Root);
                var rpc = ServiceWire.Open(cap, caller: true);
                var service = rpc.Attach<IServiceContract>();
                rpc.StartListening();
                return new Connection(socket, rpc, service, cap, maxMessageBytes);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Runs one call and gives back its result, or the engine error the service reported.</summary>
        private Task<T> Call<T>(Func<IServiceContract, Task<T>> call) => Call(Current(), call);

        /// <summary>Runs one call on <paramref name="on"/>, which is never replaced: a call that was sent is not sent again.</summary>
        private async Task<T> Call<T>(Connection on, Func<IServiceContract, Task<T>> call)
        {
            try
            {
                return await call(on.Service).ConfigureAwait(false);
            }
            catch (Exception) when (on.Cap.Refusal != null)
            {
                // Too large to send: nothing of it left this process, and this connection is done.
                throw on.Cap.Refusal;
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

        private T Wait<T>(Connection on, Func<IServiceContract, Task<T>> call) => Task.Run(() => Call(on, call)).GetAwaiter().GetResult();

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
                // A python may run for hours: it holds none of the user's connections meanwhile.
                remote.Release();
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

            // The archive is read here, by the caller, and sent in chunks well under the message limit; the service
            // checks the right to publish and the size before it takes the first one.
            public PublishedPackage Publish(string archive, bool force)
            {
                Wheelhouse.RequireArchiveFile(archive);

                using var file = new FileStream(archive, FileMode.Open, FileAccess.Read, FileShare.Read);
                var length = file.Length;
                // An upload belongs to its connection: every part goes over this one.
                var on = remote.Current();
                var upload = remote.Wait(on, s => s.BeginPublishAsync(Path.GetFileName(archive), length, force, CancellationToken.None));
                var buffer = new byte[on.PublishChunkBytes];
                for (long sent = 0; sent < length;)
                {
                    var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, length - sent));
                    if (read == 0)
                    {
                        break;
                    }

                    var chunk = new byte[read];
                    Array.Copy(buffer, chunk, read);
                    remote.Wait(on, async s =>
                    {
                        await s.PublishChunkAsync(upload, chunk, CancellationToken.None).ConfigureAwait(false);
                        return true;
                    });
                    sent += read;
                }

                return remote.Wait(on, s => s.EndPublishAsync(upload, CancellationToken.None));
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

        /// <summary>One connection to the service, as the service greeted it.</summary>
        private sealed class Connection : IDisposable
        {
            public Connection(Socket socket, JsonRpc rpc, IServiceContract service, OutgoingMessageCap cap, long maxMessageBytes)
            {
                Socket = socket;
                Rpc = rpc;
                Service = service;
                Cap = cap;
                MaxMessageBytes = maxMessageBytes;
            }

            public Socket Socket { get; }

            public JsonRpc Rpc { get; }

            public IServiceContract Service { get; }

            public OutgoingMessageCap Cap { get; }

            public long MaxMessageBytes { get; }

            /// <summary>Publish's chunk: a quarter of the message limit, at most 1 MiB (base64 and JSON make it a third).</summary>
            public int PublishChunkBytes => (int)Math.Max(1, Math.Min(1024 * 1024, MaxMessageBytes / 4));

            /// <summary>The service closed it (idle, stopped), or it refused a message too large: the next call needs another.</summary>
            public bool IsClosed => Rpc.Completion.IsCompleted || Cap.Refusal != null;

            public void Dispose()
            {
                Rpc.Dispose();
                Socket.Dispose();
            }
        }
    }
}
