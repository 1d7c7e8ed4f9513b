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
    /// How the service authorizes every request as it dispatches it (<see cref="ServedConnectionRpc"/>): the operation's
    /// <see cref="RequiresAttribute"/>s are checked for the caller before the operation's code runs at all, so no
    /// operation can read, write, probe or run anything for a caller who may not call it. An operation that declares
    /// nothing is refused (closed by default), and so is one whose check could not be made.
    /// </summary>
    internal static class RequestAuthorization
    {
        /// <summary>The refusal to answer <paramref name="request"/> with, or null when the caller may call it.</summary>
        /// <param name="authorize">Given the operation, one of its requirements and the envs it names: throws a <see cref="CodeEnvException"/> unless the connection's caller meets it.</param>
        public static JsonRpcError? Refusal(JsonRpcRequest request, Action<string, RequiresAttribute, IReadOnlyList<string?>> authorize)
        {
            // StreamJsonRpc's own methods ($/cancelRequest) are not the contract's; every other method is checked, whether
            // it was sent as a request or as a notification, and one the contract does not declare is refused.
            var method = request.Method ?? "";
            if (method.StartsWith("$/", StringComparison.Ordinal))
            {
                return null;
            }

            try
            {
                foreach (var check in ServiceOperations.Of(method).Checks)
                {
                    authorize(method, check.Requires, check.Environments.Select(e => Argument(request, e.Name, e.Position)).ToList());
                }
            }
            catch (CodeEnvException refused)
            {
                return Refusal(request, ErrorData.Of(refused));
            }
            catch (Exception e)
            {
                // A check that could not be made is a refusal, never a pass.
                return Refusal(request, ErrorData.Of(new CodeEnvException(ErrorIds.ServiceFailed, $"The CodeEnv service could not check this call: {e.Message}")));
            }

            return null;
        }

        private static JsonRpcError Refusal(JsonRpcRequest request, ErrorData error) =>
            new JsonRpcError
            {
                RequestId = request.RequestId,
                Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)ServiceWire.ErrorCode, Message = error.Message, Data = error },
            };

        private static string? Argument(JsonRpcRequest request, string name, int position) =>
            request.TryGetArgumentByNameOrIndex(name, position, typeof(string), out var value) ? value as string : null;
    }
}
