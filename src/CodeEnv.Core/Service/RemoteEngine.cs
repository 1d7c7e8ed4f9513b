using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Operations;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CodeEnv.Service
{
    /// <summary>
    /// The engine of a served root as the caller's cmdlets see it: each service of the contract is a proxy of its own
    /// interface (<see cref="EngineContract"/>), whose every call is sent to the service over one connection, and whose
    /// result, errors, reports and cancellation come back as the engine in this process would give them. A connection
    /// the service closed between two calls (it was idle) is opened again for the next call; a call that was in flight
    /// is never sent again.
    /// </summary>
    public sealed class RemoteEngine : ICodeEnvEngine
    {
        // How long a connection waits for the service's greeting before it says the service does not answer.
        private static readonly TimeSpan GreetingTimeout = TimeSpan.FromSeconds(30);

        private static readonly MethodInfo CallOfResult = typeof(RemoteEngine).GetMethod(nameof(CallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

        private readonly ServedRoot served;
        private readonly object gate = new object();
        private Connection? connection;

        /// <summary>Connects to the root's service: a service that is not running, or that refuses this user another connection, is this call's error.</summary>
        public RemoteEngine(ServedRoot served)
        {
            this.served = served;
            connection = Connect();
            Root = Proxy<IRootService>();
            Environments = Proxy<IEnvironmentCatalog>();
            Lifecycle = Proxy<ILifecycleService>();
            Packages = Proxy<IPackageService>();
            Permissions = Proxy<IPermissionService>();
            History = Proxy<IHistoryService>();
            Transfer = Proxy<ITransferService>();
            Containers = Proxy<IContainerConfigService>();
            Store = Proxy<IStoreService>();
            Advisories = Proxy<IAdvisoryService>();
            Usages = Proxy<IUsageService>();
        }

        public IRootService Root { get; }

        public IEnvironmentCatalog Environments { get; }

        public ILifecycleService Lifecycle { get; }

        public IPackageService Packages { get; }

        public IPermissionService Permissions { get; }

        public IHistoryService History { get; }

        public ITransferService Transfer { get; }

        public IContainerConfigService Containers { get; }

        public IStoreService Store { get; }

        public IAdvisoryService Advisories { get; }

        public IUsageService Usages { get; }

        /// <summary>Closes the connection; a later call opens another. A command that starts a long python releases it so.</summary>
        public void Dispose()
        {
            lock (gate)
            {
                connection?.Dispose();
                connection = null;
            }
        }

        private T Proxy<T>()
            where T : class
        {
            var proxy = DispatchProxy.Create<T, ContractProxy>();
            ((ContractProxy)(object)proxy).Bind(this, EngineContract.ServiceOf(typeof(T)).Prefix);
            return proxy;
        }

        /// <summary>
        /// The open connection, or a new one if the service closed the last (between calls: nothing was lost) or may be
        /// about to close it as idle.
        /// </summary>
        private Connection Current()
        {
            lock (gate)
            {
                if (connection == null || connection.IsClosed || connection.MayBeClosedAsIdle)
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
                    ? new CodeEnvException(ErrorIds.ServiceAccessDenied, $"This user may not connect to the CodeEnv service of '{served.Paths.Root}' ('{served.Endpoint}': {e.Message}). The socket and the folders above it must be open to every local user; the install script under deploy/ sets them so.", served.Paths.Root)
                    : served.NotRunning(e.SocketErrorCode == SocketError.ConnectionRefused ? "nothing listens" : e.Message);
            }

            try
            {
                // The service speaks first: the message size it reads, or why it refuses this connection.
                var (maxMessageBytes, idleTimeout) = ConnectionGreeting.Read(socket, served, GreetingTimeout);
                var cap = new OutgoingMessageCap(new NetworkStream(socket, ownsSocket: false), maxMessageBytes, served.Paths.Root);
                var rpc = ServiceWire.Open(cap, caller: true);
                rpc.StartListening();
                return new Connection(socket, rpc, cap, idleTimeout);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Sends one operation and gives back its result, or the engine error the service reported.</summary>
        private async Task<T> CallAsync<T>(string operation, IReadOnlyList<object?> arguments, IReadOnlyList<Type> argumentTypes, CancellationToken cancellation)
        {
            var on = Current();
            on.CallStarted();
            try
            {
                return await on.Rpc.InvokeWithCancellationAsync<T>(operation, arguments, argumentTypes, cancellation).ConfigureAwait(false);
            }
            catch (Exception) when (on.Cap.Refusal != null)
            {
                // Too large to send: nothing of it left this process, and this connection is done.
                throw on.Cap.Refusal;
            }
            catch (RemoteInvocationException e) when (e.ErrorCode == ServiceWire.ErrorCode && e.ErrorData is JToken data)
            {
                throw data.ToObject<ErrorData>()!.ToException();
            }
            catch (RemoteInvocationException e)
            {
                throw new CodeEnvException(ErrorIds.ServiceFailed, $"The CodeEnv service failed: {e.Message}", served.Paths.Root, e);
            }
            catch (ConnectionLostException e)
            {
                throw new CodeEnvException(
                    ErrorIds.ServiceConnectionLost,
                    $"The connection to the CodeEnv service of '{served.Paths.Root}' ended before the operation finished (the service stopped or was killed). An update it was running was interrupted and changed nothing that serves; Get-CodeEnv shows the env's state once the service is back ('sudo systemctl start codeenv'). Then run the command again.",
                    served.Paths.Root,
                    e);
            }
            finally
            {
                on.CallEnded();
            }
        }

        /// <summary>
        /// A contract interface's calls as requests: every argument but the cancellation token is sent as declared, and
        /// the returned task is the request's (a Task's result is read as an object, since the service returns none).
        /// </summary>
        public class ContractProxy : DispatchProxy
        {
            private RemoteEngine? remote;
            private string prefix = "";

            internal void Bind(RemoteEngine engine, string operationPrefix)
            {
                remote = engine;
                prefix = operationPrefix;
            }

            protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
            {
                var method = targetMethod ?? throw new ArgumentNullException(nameof(targetMethod));
                var parameters = method.GetParameters();
                var arguments = new List<object?>();
                var argumentTypes = new List<Type>();
                var cancellation = CancellationToken.None;
                for (var i = 0; i < parameters.Length; i++)
                {
                    if (parameters[i].ParameterType == typeof(CancellationToken))
                    {
                        cancellation = (CancellationToken)args![i]!;
                        continue;
                    }

                    arguments.Add(args![i]);
                    argumentTypes.Add(parameters[i].ParameterType);
                }

                var resultType = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericArguments()[0] : typeof(object);
                return CallOfResult.MakeGenericMethod(resultType).Invoke(remote, new object[] { prefix + method.Name, arguments, argumentTypes, cancellation });
            }
        }

        /// <summary>One connection to the service, as the service greeted it.</summary>
        private sealed class Connection : IDisposable
        {
            private readonly TimeSpan? idleTimeout;
            private readonly Stopwatch clock = Stopwatch.StartNew();
            private long quietSince;
            private int callsInFlight;

            public Connection(Socket socket, JsonRpc rpc, OutgoingMessageCap cap, TimeSpan? idleTimeout)
            {
                Socket = socket;
                Rpc = rpc;
                Cap = cap;
                this.idleTimeout = idleTimeout;
            }

            /// <summary>
            /// Whether the service may close it as idle as the next request arrives, which would lose that request: no
            /// call in flight for half the service's idle timeout. The service counts from its last activity, a little
            /// earlier than this process hears the answer; half the timeout leaves that margin and a loaded machine's.
            /// </summary>
            public bool MayBeClosedAsIdle =>
                idleTimeout is TimeSpan timeout && Volatile.Read(ref callsInFlight) == 0 && clock.ElapsedMilliseconds - Volatile.Read(ref quietSince) > timeout.TotalMilliseconds / 2;

            public void CallStarted() => Interlocked.Increment(ref callsInFlight);

            public void CallEnded()
            {
                Volatile.Write(ref quietSince, clock.ElapsedMilliseconds);
                Interlocked.Decrement(ref callsInFlight);
            }

            public Socket Socket { get; }

            public JsonRpc Rpc { get; }

            public OutgoingMessageCap Cap { get; }

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
