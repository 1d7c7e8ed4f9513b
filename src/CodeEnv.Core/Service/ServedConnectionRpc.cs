using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CodeEnv.Service
{
    /// <summary>
    /// JSON-RPC on one connection of the service: each request is first authorized (<see cref="RequestAuthorization"/>),
    /// then counted against its user's limit of operations running at once (over all the user's connections): a request
    /// over the limit is answered at once with TooManyOperations and not started, and other users go on.
    /// </summary>
    internal sealed class ServedConnectionRpc : JsonRpc
    {
        private readonly BoundedMessageHandler handler;
        private readonly CallerQuotas quotas;
        private readonly uint userId;
        private readonly System.Func<string> userName;
        private readonly ServiceLimits limits;
        private readonly string root;
        private readonly System.Action<string, RequiresAttribute, IReadOnlyList<string?>> authorize;

        public ServedConnectionRpc(BoundedMessageHandler handler, CallerQuotas quotas, uint userId, System.Func<string> userName, ServiceLimits limits, string root, System.Action<string, RequiresAttribute, IReadOnlyList<string?>> authorize)
            : base(handler)
        {
            this.authorize = authorize;
            this.handler = handler;
            this.quotas = quotas;
            this.userId = userId;
            this.userName = userName;
            this.limits = limits;
            this.root = root;
        }

        protected override async ValueTask<JsonRpcMessage> DispatchRequestAsync(JsonRpcRequest request, TargetMethod targetMethod, CancellationToken cancellationToken)
        {
            if (RequestAuthorization.Refusal(request, targetMethod, authorize) is JsonRpcError refused)
            {
                return refused;
            }

            // Notifications ($/cancelRequest) start nothing and are never counted.
            if (!request.IsResponseExpected)
            {
                return await base.DispatchRequestAsync(request, targetMethod, cancellationToken).ConfigureAwait(false);
            }

            if (!quotas.TryStartOperation(userId))
            {
                var refusal = ServiceLimitErrors.TooManyOperations(root, userName(), limits.EffectiveMaxOperationsPerUser);
                throw new LocalRpcException(refusal.Message) { ErrorCode = ServiceError.Code, ErrorData = ServiceError.Of(refusal) };
            }

            try
            {
                return await base.DispatchRequestAsync(request, targetMethod, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                quotas.EndOperation(userId);
            }
        }

        protected override void OnResponseSent(JsonRpcMessage response)
        {
            base.OnResponseSent(response);
            handler.Answered();
        }
    }
}
