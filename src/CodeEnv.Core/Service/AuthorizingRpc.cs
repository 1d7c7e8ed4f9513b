using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Security;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CodeEnv.Service
{
    /// <summary>
    /// The service's end of a connection, which authorizes every request as it dispatches it: the operation's
    /// <see cref="RequiresAttribute"/> is checked for the caller before the operation's code runs at all, so no
    /// operation can read, write, probe or run anything for a caller who may not call it. An operation that declares
    /// nothing is refused (closed by default).
    /// </summary>
    internal sealed class AuthorizingRpc : JsonRpc
    {
        private readonly Action<string, RequiresAttribute, IReadOnlyList<string?>> authorize;

        /// <param name="authorize">Given the operation, one of its requirements and the envs it names: throws a <see cref="CodeEnvException"/> unless the connection's caller meets it.</param>
        public AuthorizingRpc(IJsonRpcMessageHandler handler, Action<string, RequiresAttribute, IReadOnlyList<string?>> authorize)
            : base(handler)
        {
            this.authorize = authorize;
        }

        protected override ValueTask<JsonRpcMessage> DispatchRequestAsync(JsonRpcRequest request, TargetMethod targetMethod, CancellationToken cancellationToken)
        {
            var method = targetMethod.TargetMethodInfo;
            if (method == null)
            {
                return base.DispatchRequestAsync(request, targetMethod, cancellationToken);
            }

            try
            {
                foreach (var check in ServiceOperations.Of(method.Name).Checks)
                {
                    authorize(method.Name, check.Requires, check.Environments.Select(e => Argument(request, e.Name, e.Position)).ToList());
                }
            }
            catch (CodeEnvException refused)
            {
                return Refusal(request, ServiceError.Of(refused));
            }
            catch (Exception e)
            {
                // A check that could not be made is a refusal, never a pass.
                return Refusal(request, new ServiceError { Kind = ErrorKind.OperationFailed, ErrorId = "ServiceFailed", Message = $"The CodeEnv service could not check this call: {e.Message}" });
            }

            return base.DispatchRequestAsync(request, targetMethod, cancellationToken);
        }

        private static ValueTask<JsonRpcMessage> Refusal(JsonRpcRequest request, ServiceError error) =>
            new ValueTask<JsonRpcMessage>(new JsonRpcError
            {
                RequestId = request.RequestId,
                Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)ServiceError.Code, Message = error.Message, Data = error },
            });

        private static string? Argument(JsonRpcRequest request, string name, int position) =>
            request.TryGetArgumentByNameOrIndex(name, position, typeof(string), out var value) ? value as string : null;
    }
}
