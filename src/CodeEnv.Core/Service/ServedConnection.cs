using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;
using StreamJsonRpc;

namespace CodeEnv.Service
{
    /// <summary>
    /// One admitted connection of the service: its checked stream, JSON-RPC with the per-user operation limit, the
    /// session that runs its operations as its peer, and its upload. Disposing it gives back what it held: its place
    /// among its user's connections, and its unfinished upload.
    /// </summary>
    internal sealed class ServedConnection : IDisposable
    {
        private readonly ServiceConnectionStream wire;
        private readonly ServedConnectionRpc rpc;
        private readonly PublishUploads uploads;
        private readonly CallerQuotas quotas;
        private readonly ServiceLimits limits;
        private int disposed;

        /// <param name="userId">The peer's uid, whose place among its user's connections <paramref name="quotas"/> already holds.</param>
        public ServedConnection(Socket socket, uint userId, PeerIdentityProvider caller, RootPaths paths, ServiceLimits limits, CallerQuotas quotas, IProcessRunner processes, IInterpreterDiscovery interpreters, Action<string> log, CancellationToken stopping)
        {
            this.quotas = quotas;
            this.limits = limits;
            UserId = userId;
            User = caller.Current().UserName;
            wire = new ServiceConnectionStream(socket, limits.MaxMessageBytes);
            // Room for the user's operations and two more messages, so a Ctrl+C ($/cancelRequest) is read even while the
            // connection runs all the operations its user may run.
            var handler = new BoundedMessageHandler(wire, ServiceWire.Formatter(caller: false), limits.EffectiveMaxOperationsPerUser + 2);
            uploads = new PublishUploads(paths.ServiceWorkFolder, limits.MaxPublishBytes, paths.Root);
            var session = new ServiceSession(paths, caller, SystemClock.Instance, processes, interpreters, log, stopping, uploads);
            rpc = new ServedConnectionRpc(handler, quotas, userId, () => User, limits, paths.Root, session.Authorize);
            rpc.AddLocalRpcTarget<IServiceContract>(session, null);
            rpc.StartListening();
        }

        public uint UserId { get; }

        public string User { get; }

        /// <summary>Completes when the connection ends, whoever ended it.</summary>
        public Task Completion => rpc.Completion;

        /// <summary>Why the service ended the connection (a limit), or null.</summary>
        public string? ClosedBecause => wire.ClosedBecause;

        /// <summary>Ends the connection if it broke a time limit (<see cref="ClosedBecause"/> then says which).</summary>
        public void Check() => wire.Check(limits);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            rpc.Dispose();
            wire.Dispose();
            uploads.Dispose();
            quotas.CloseConnection(UserId);
        }
    }
}
