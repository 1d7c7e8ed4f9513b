using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Security;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CodeEnv.Service
{
    /// <summary>
    /// JSON-RPC on one connection of the service: each request is first authorized (<see cref="RequestAuthorization"/>),
    /// then counted against its user's limit of operations running at once (over all the user's connections): a request
    /// over the limit is answered at once with TooManyOperations and not started, and other users go on. An operation is
    /// cancelled by its caller's Ctrl+C or by the service's stop, whichever comes first; engine errors go back as
    /// <see cref="ErrorData"/>, anything else as a generic failure told in full to the service's log only.
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
        private readonly System.Action<string> log;
        private readonly CancellationToken serviceStopping;

        public ServedConnectionRpc(BoundedMessageHandler handler, CallerQuotas quotas, uint userId, System.Func<string> userName, ServiceLimits limits, string root, System.Action<string, RequiresAttribute, IReadOnlyList<string?>> authorize, System.Action<string> log, CancellationToken serviceStopping)
            : base(handler)
        {
            this.log = log;
            this.serviceStopping = serviceStopping;
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
            if (RequestAuthorization.Refusal(request, authorize) is JsonRpcError refused)
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
                throw new LocalRpcException(refusal.Message) { ErrorCode = ServiceWire.ErrorCode, ErrorData = ErrorData.Of(refusal) };
            }

            try
            {
                using (var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, serviceStopping))
                {
                    var response = await base.DispatchRequestAsync(request, targetMethod, either.Token).ConfigureAwait(false);
                    return response is JsonRpcError { Error: { Code: JsonRpcErrorCode.RequestCanceled } } && serviceStopping.IsCancellationRequested
                        ? new JsonRpcError { RequestId = request.RequestId, Error = Details(ServiceStopped) }
                        : response;
                }
            }
            finally
            {
                quotas.EndOperation(userId);
            }
        }

        protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, System.Exception exception)
        {
            switch (exception)
            {
                case LocalRpcException:
                    return base.CreateErrorDetails(request, exception);
                case System.OperationCanceledException:
                case CodeEnvException { Kind: ErrorKind.Stopped }:
                    return serviceStopping.IsCancellationRequested
                        ? Details(ServiceStopped)
                        : new JsonRpcError.ErrorDetail { Code = JsonRpcErrorCode.RequestCanceled, Message = "The operation was stopped." };
                case CodeEnvException error:
                    return Details(ErrorData.Of(error));
                default:
                    log($"{request.Method} failed: {exception}");
                    return Details(ErrorData.Of(new CodeEnvException(ErrorIds.ServiceFailed, $"The CodeEnv service failed: {exception.Message} Its log (journalctl -u codeenv) has the details.")));
            }
        }

        private static readonly ErrorData ServiceStopped = ErrorData.Of(new CodeEnvException(
            ErrorIds.ServiceStopped,
            "The CodeEnv service stopped while this operation ran, so it was interrupted: what was saved stays saved, and an env keeps serving the venv it had (Get-CodeEnv shows its state). Run the command again once the service is back."));

        private static JsonRpcError.ErrorDetail Details(ErrorData error) =>
            new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)ServiceWire.ErrorCode, Message = error.Message, Data = error };

        protected override void OnResponseSent(JsonRpcMessage response)
        {
            base.OnResponseSent(response);
            handler.Answered();
        }
    }
}
