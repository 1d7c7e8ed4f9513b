using System;
using System.Collections.Generic;
using System.Net.Sockets;
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
    /// One admitted connection of the service: its checked stream, JSON-RPC with the per-user operation limit, and an
    /// engine whose caller is the connection's peer as the kernel identified it, so the same access policy as on a direct
    /// root decides. The engine's contract services are exposed as they are (<see cref="EngineContract"/>), each request
    /// authorized before it runs. Disposing it gives back what it held: its place among its user's connections, and its
    /// engine's unfinished upload.
    /// </summary>
    internal sealed class ServedConnection : IDisposable
    {
        private readonly ServiceConnectionStream wire;
        private readonly ServedConnectionRpc rpc;
        private readonly CodeEnvEngine engine;
        private readonly Action<string> log;
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
            this.log = log;
            engine = new CodeEnvEngine(paths.Root, caller, SystemClock.Instance, processes, interpreters, limits.MaxPublishBytes);
            rpc = new ServedConnectionRpc(handler, quotas, userId, () => User, limits, paths.Root, Authorize, log, stopping);
            foreach (var service in EngineContract.Services)
            {
                rpc.AddLocalRpcTarget(service.Interface, service.Of(engine), new JsonRpcTargetOptions { MethodNameTransform = CommonMethodNameTransforms.Prepend(service.Prefix) });
            }

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

        /// <summary>Checks one requirement of an operation for this connection's caller, before the operation runs; a refusal is logged, so the journal shows who tried what.</summary>
        private void Authorize(string operation, RequiresAttribute requires, IReadOnlyList<string?> environments)
        {
            try
            {
                engine.Gate.Require(requires.Requirement, requires.Action, environments);
            }
            catch (CodeEnvException refused)
            {
                log($"refused {operation} for '{User}': {refused.ErrorId}");
                throw;
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            rpc.Dispose();
            wire.Dispose();
            engine.Dispose();
            quotas.CloseConnection(UserId);
        }
    }
}
