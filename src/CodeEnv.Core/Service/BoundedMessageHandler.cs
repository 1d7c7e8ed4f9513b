using System.Threading;
using System.Threading.Tasks;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CodeEnv.Service
{
    /// <summary>
    /// Reads the service's messages of one connection, holding at most a few requests at a time: while that many are
    /// read and not yet answered, the next is left unread in the socket, so a caller that sends requests faster than
    /// it reads the answers fills its own socket, not the service's memory.
    /// </summary>
    internal sealed class BoundedMessageHandler : HeaderDelimitedMessageHandler
    {
        private readonly ServiceConnectionStream wire;
        private readonly SemaphoreSlim inHand;

        public BoundedMessageHandler(ServiceConnectionStream wire, IJsonRpcMessageFormatter formatter, int maxInHand)
            : base(wire, wire, formatter)
        {
            this.wire = wire;
            inHand = new SemaphoreSlim(maxInHand, maxInHand);
        }

        /// <summary>A request read by this handler was answered.</summary>
        public void Answered()
        {
            wire.OperationEnded();
            inHand.Release();
        }

        protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
        {
            await inHand.WaitAsync(cancellationToken).ConfigureAwait(false);
            JsonRpcMessage? message;
            try
            {
                message = await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                inHand.Release();
                throw;
            }

            if (message is JsonRpcRequest request && request.IsResponseExpected)
            {
                // Held until its answer is sent (ServedConnectionRpc.OnResponseSent).
                wire.OperationStarted();
                return message;
            }

            inHand.Release();
            return message;
        }
    }
}
