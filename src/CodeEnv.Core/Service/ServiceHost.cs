using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;
using StreamJsonRpc;

namespace CodeEnv.Service
{
    /// <summary>
    /// <c>codeenv serve</c>: listens on the served root's socket as the service account and runs each connection's typed
    /// operations as the connection's peer. Stopping it (SIGTERM, Ctrl+C) cancels what runs, which each operation
    /// records as Interrupted, and closes every connection, so callers hear that the service stopped.
    /// </summary>
    public sealed class ServiceHost
    {
        // How long a stopping service lets cancelled operations record their outcome and tell their callers.
        private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(20);

        private readonly ServedRoot served;
        private readonly Action<string> log;
        private readonly IProcessRunner processes;
        private readonly ServedInterpreters interpreters;
        private readonly ConcurrentDictionary<JsonRpc, Task> connections = new ConcurrentDictionary<JsonRpc, Task>();

        public ServiceHost(string root, Action<string> log)
        {
            var paths = new RootPaths(root);
            served = ServedRoot.Find(paths) ?? throw new CodeEnvException(
                ErrorKind.InvalidOperation,
                "RootNotServed",
                $"'{paths.Root}' is not a served root (its codeenv.json names no service account). Make one with Initialize-CodeEnvRoot -Path <folder> -ServiceAccount codeenv, or use this root directly.",
                paths.Root);
            this.log = log;
            interpreters = new ServedInterpreters(paths, MachineInterpreters.Instance);
            processes = new SandboxedProcessRunner(paths, SystemProcessRunner.Instance, interpreters.IsKnownAsync);
        }

        /// <summary>Serves until <paramref name="stopping"/> is cancelled.</summary>
        public async Task RunAsync(CancellationToken stopping)
        {
            RequireServiceAccount();
            SandboxedProcessRunner.RequireSandbox();
            // Files the service writes are readable where the env folder's ACL lets a user in; the folder decides.
            umask(Convert.ToUInt32("022", 8));
            var paths = served.Paths;
            if (Directory.Exists(paths.ServiceWorkFolder))
            {
                Directory.Delete(paths.ServiceWorkFolder, recursive: true);
            }

            Directory.CreateDirectory(paths.ServiceWorkFolder);
            UnixLinks.TryChangeMode(paths.ServiceWorkFolder, Convert.ToInt32("700", 8));
            using var listener = Listen();
            log($"CodeEnv service of '{paths.Root}' listening on '{served.Endpoint}' as '{served.Account}'.");
            using (stopping.Register(() => listener.Dispose()))
            {
                while (!stopping.IsCancellationRequested)
                {
                    Socket connection;
                    try
                    {
                        connection = await Task.Factory.FromAsync(listener.BeginAccept, listener.EndAccept, null).ConfigureAwait(false);
                    }
                    catch (Exception) when (stopping.IsCancellationRequested)
                    {
                        break;
                    }
                    catch (SocketException e)
                    {
                        log("accept failed: " + e.Message);
                        continue;
                    }

                    Serve(connection, stopping);
                }
            }

            // Running operations saw the same token: they are cancelled, record it, and answer their callers, who then hang up.
            log($"Stopping: {connections.Count} connection(s) open.");
            await Task.WhenAny(Task.WhenAll(connections.Values.ToList()), Task.Delay(DrainTime)).ConfigureAwait(false);
            foreach (var rpc in connections.Keys.ToList())
            {
                rpc.Dispose();
            }

            try
            {
                File.Delete(served.Endpoint);
            }
            catch (IOException)
            {
            }

            log("Stopped.");
        }

        private void Serve(Socket connection, CancellationToken stopping)
        {
            PeerIdentityProvider caller;
            try
            {
                caller = new PeerIdentityProvider(PeerCredentials.Of(connection.Handle));
            }
            catch (InvalidOperationException e)
            {
                log(e.Message);
                connection.Dispose();
                return;
            }

            var session = new ServiceSession(served.Paths, caller, SystemClock.Instance, processes, interpreters, log, stopping);
            var rpc = new AuthorizingRpc(ServiceWire.Handler(new NetworkStream(connection, ownsSocket: true), caller: false), session.Authorize);
            rpc.AddLocalRpcTarget<IServiceContract>(session, null);
            rpc.StartListening();
            connections[rpc] = rpc.Completion.ContinueWith(
                _ =>
                {
                    connections.TryRemove(rpc, out var _);
                    rpc.Dispose();
                },
                TaskScheduler.Default);
        }

        private Socket Listen()
        {
            var endpoint = served.Endpoint;
            // A socket left by a service that was killed; anything else at that path is not ours to remove.
            if (File.Exists(endpoint) && FileKind.IsSocket(endpoint))
            {
                File.Delete(endpoint);
            }

            var listener = UnixSocket.Create();
            listener.Bind(UnixSocket.EndPoint(endpoint));
            // Every local user may connect; what each may do is the access policy's decision, made per call.
            UnixLinks.TryChangeMode(endpoint, Convert.ToInt32("666", 8));
            listener.Listen(64);
            return listener;
        }

        private void RequireServiceAccount()
        {
            var user = UnixAccounts.EffectiveUser().UserName;
            if (!string.Equals(user, served.Account, StringComparison.Ordinal))
            {
                throw new CodeEnvException(
                    ErrorKind.PermissionDenied,
                    "NotServiceAccount",
                    $"The service of '{served.Paths.Root}' runs as its service account '{served.Account}', not as '{user}': 'sudo -u {served.Account} codeenv serve --root {served.Paths.Root}', or the systemd unit under deploy/.",
                    served.Paths.Root);
            }
        }

        [DllImport("libc")]
        private static extern uint umask(uint mask);
    }
}
