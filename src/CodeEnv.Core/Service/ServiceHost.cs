using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Interop;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;
using StreamJsonRpc;

namespace CodeEnv.Service
{
    /// <summary>
    /// <c>codeenv serve</c>: listens on the served root's socket as the service account and runs each connection's typed
    /// operations as the connection's peer. Stopping it (SIGTERM, Ctrl+C) cancels what runs, which each operation
    /// records as Interrupted, and closes every connection, so callers hear that the service stopped. Every resource a
    /// caller can spend is bounded by the root's service limits, read when the service starts: connections per user and
    /// in all (a connection over them is refused with the reason), message size, the time to send a message, idle
    /// time, and operations per user; hitting a bound ends only that caller's connection or call.
    /// </summary>
    public sealed class ServiceHost
    {
        // How long a stopping service lets cancelled operations record their outcome and tell their callers.
        private static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(20);

        // How often connections are checked against the message and idle timeouts.
        private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(250);

        // A user refused again and again is logged once in this time, with the count.
        private static readonly TimeSpan RefusalLogInterval = TimeSpan.FromSeconds(10);

        private readonly ServedRoot served;
        private readonly Action<string> log;
        private readonly IProcessRunner processes;
        private readonly ServedInterpreters interpreters;
        private readonly ConcurrentDictionary<ServedConnection, Task> connections = new ConcurrentDictionary<ServedConnection, Task>();
        private readonly ConcurrentDictionary<uint, (DateTime Logged, int Since)> refusals = new ConcurrentDictionary<uint, (DateTime, int)>();
        private readonly ServiceLimits limits;
        private readonly CallerQuotas quotas;

        public ServiceHost(string root, Action<string> log)
        {
            var paths = new RootPaths(root);
            served = ServedRoot.Find(paths) ?? throw new CodeEnvException(
                ErrorIds.RootNotServed,
                $"'{paths.Root}' is not a served root (its codeenv.json names no service account). Make one with Initialize-CodeEnvRoot -Path <folder> -ServiceAccount codeenv, or use this root directly.",
                paths.Root);
            this.log = log;
            interpreters = new ServedInterpreters(paths, MachineInterpreters.Instance);
            processes = new SandboxedProcessRunner(paths, SystemProcessRunner.Instance, interpreters.IsKnownAsync);
            limits = served.Limits;
            quotas = new CallerQuotas(limits, paths.Root);
        }

        /// <summary>Serves until <paramref name="stopping"/> is cancelled.</summary>
        public async Task RunAsync(CancellationToken stopping)
        {
            RequireServiceAccount();
            SandboxedProcessRunner.RequireSandbox();
            // Files the service writes are readable where the env folder's ACL lets a user in; the folder decides.
            Libc.Umask(Convert.ToUInt32("022", 8));
            var paths = served.Paths;
            if (Directory.Exists(paths.ServiceWorkFolder))
            {
                Directory.Delete(paths.ServiceWorkFolder, recursive: true);
            }

            Directory.CreateDirectory(paths.ServiceWorkFolder);
            UnixLinks.TryChangeMode(paths.ServiceWorkFolder, Convert.ToInt32("700", 8));
            using var listener = Listen();
            log($"CodeEnv service of '{paths.Root}' listening on '{served.Endpoint}' as '{served.Account}'.");
            log($"Limits: messages up to {limits.EffectiveMaxMessageMiB} MiB, sent within {limits.EffectiveMessageTimeoutSeconds} s; archives up to {limits.EffectiveMaxPublishMiB} MiB; {limits.EffectiveMaxConnectionsPerUser} connections per user, {limits.EffectiveMaxConnections} in all, closed after {limits.EffectiveIdleTimeoutSeconds} s idle; {limits.EffectiveMaxOperationsPerUser} operations per user at once.");
            var checking = CheckConnectionsAsync(stopping);
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

                    Admit(connection, stopping);
                }
            }

            await checking.ConfigureAwait(false);

            // Running operations saw the same token: they are cancelled, record it, and answer their callers, who then hang up.
            log($"Stopping: {connections.Count} connection(s) open.");
            await Task.WhenAny(Task.WhenAll(connections.Values.ToList()), Task.Delay(DrainTime)).ConfigureAwait(false);
            foreach (var connection in connections.Keys.ToList())
            {
                connection.Dispose();
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

        // Who calls is settled before anything of theirs is read: a user at a connection limit is refused at once, with
        // the reason in the greeting, and holds nothing.
        private void Admit(Socket socket, CancellationToken stopping)
        {
            PeerCredentials peer;
            try
            {
                peer = PeerCredentials.Of(socket.Handle);
            }
            catch (InvalidOperationException e)
            {
                log(e.Message);
                socket.Dispose();
                return;
            }

            var refusal = quotas.OpenConnection(peer.UserId);
            if (refusal != null)
            {
                Refuse(socket, peer.UserId, refusal);
                return;
            }

            ServedConnection connection;
            try
            {
                var caller = new PeerIdentityProvider(peer);
                ConnectionGreeting.Welcome(socket, limits);
                connection = new ServedConnection(socket, peer.UserId, caller, served.Paths, limits, quotas, processes, interpreters, log, stopping);
            }
            catch (Exception e) when (e is InvalidOperationException || e is SocketException || e is CodeEnvException)
            {
                log($"Connection of uid {peer.UserId} not served: {e.Message}");
                quotas.CloseConnection(peer.UserId);
                socket.Dispose();
                return;
            }

            // Listed before its end can be seen, so an end that comes at once still takes it off the list.
            connections[connection] = connection.Completion;
            _ = connection.Completion.ContinueWith(
                _ =>
                {
                    connections.TryRemove(connection, out var _);
                    connection.Dispose();
                    if (connection.ClosedBecause != null)
                    {
                        log($"Closed a connection of '{connection.User}': {connection.ClosedBecause}.");
                    }
                },
                TaskScheduler.Default);
        }

        private void Refuse(Socket socket, uint uid, CodeEnvException why)
        {
            try
            {
                socket.SendTimeout = 1000;
                ConnectionGreeting.Refuse(socket, why);
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }
            finally
            {
                socket.Dispose();
            }

            var now = DateTime.UtcNow;
            var seen = refusals.AddOrUpdate(uid, _ => (DateTime.MinValue, 1), (_, r) => (r.Logged, r.Since + 1));
            if (now - seen.Logged >= RefusalLogInterval)
            {
                refusals[uid] = (now, 0);
                log($"Refused {seen.Since} connection(s) of uid {uid} ({why.ErrorId}); the next refusals of this user within {RefusalLogInterval.TotalSeconds:0} s are counted, not logged.");
            }
        }

        // The message and idle timeouts, checked for every connection a few times a second.
        private async Task CheckConnectionsAsync(CancellationToken stopping)
        {
            while (!stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(CheckInterval, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                foreach (var connection in connections.Keys)
                {
                    connection.Check();
                }
            }
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
                    ErrorIds.NotServiceAccount,
                    $"The service of '{served.Paths.Root}' runs as its service account '{served.Account}', not as '{user}': 'sudo -u {served.Account} codeenv serve --root {served.Paths.Root}', or the systemd unit under deploy/.",
                    served.Paths.Root);
            }
        }
    }
}
