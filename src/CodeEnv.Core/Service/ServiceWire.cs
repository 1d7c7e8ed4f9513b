using System.IO;
using Newtonsoft.Json;
using StreamJsonRpc;

namespace CodeEnv.Service
{
    /// <summary>
    /// How both ends speak: a greeting from the service (<see cref="ConnectionGreeting"/>), then JSON-RPC 2.0
    /// (StreamJsonRpc) with Content-Length headers over the local socket.
    /// </summary>
    internal static class ServiceWire
    {
        /// <summary>JSON-RPC's error code for every CodeEnv error, its <see cref="Errors.ErrorData"/> the error's data (the server-error range the spec leaves to applications).</summary>
        public const int ErrorCode = -32050;

        public static JsonRpc Open(Stream stream, bool caller) => new JsonRpc(new HeaderDelimitedMessageHandler(stream, stream, Formatter(caller)));

        public static JsonMessageFormatter Formatter(bool caller)
        {
            var formatter = new JsonMessageFormatter();
            // Strings that look like dates stay strings; DateTimeOffset members are read from their ISO text as they are.
            formatter.JsonSerializer.DateParseHandling = DateParseHandling.None;
            if (caller)
            {
                formatter.JsonSerializer.Converters.Add(new SnapshotConverter());
            }

            return formatter;
        }
    }
}
