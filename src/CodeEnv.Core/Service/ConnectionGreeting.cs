using System;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using CodeEnv.Errors;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Service
{
    /// <summary>
    /// The first message of every connection, written by the service before JSON-RPC starts and read by the caller
    /// before it sends anything: a JSON-RPC notification (so any JSON-RPC client reads past it) that either welcomes
    /// the caller with the message size the service reads and the time after which it closes a connection with no
    /// operation, or refuses the connection with the reason (too many connections), after which the service closes it.
    /// The caller thus learns the limits the running service enforces (it read codeenv.json when it started) and hears a
    /// refusal as a clear error, never as a lost connection.
    /// </summary>
    internal static class ConnectionGreeting
    {
        public const string WelcomeMethod = "codeenv/welcome";

        public const string RefusedMethod = "codeenv/refused";

        // A greeting is a few hundred bytes; anything longer is not one.
        private const int MaxGreetingBytes = 64 * 1024;

        public static void Welcome(Socket socket, ServiceLimits limits) =>
            Send(socket, WelcomeMethod, new JObject { ["maxMessageBytes"] = limits.MaxMessageBytes, ["idleTimeoutSeconds"] = limits.EffectiveIdleTimeoutSeconds });

        public static void Refuse(Socket socket, CodeEnvException why) =>
            Send(socket, RefusedMethod, new JObject { ["error"] = JObject.FromObject(ErrorData.Of(why)) });

        /// <summary>
        /// Reads the service's greeting: the largest message it reads and its idle timeout (none from a service older
        /// than this module), or its refusal as this call's error.
        /// </summary>
        public static (long MaxMessageBytes, TimeSpan? IdleTimeout) Read(Socket socket, ServedRoot served, TimeSpan timeout)
        {
            var before = socket.ReceiveTimeout;
            socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
            try
            {
                var header = new StringBuilder();
                while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
                {
                    if (header.Length > MessageFraming.MaxHeaderBytes)
                    {
                        throw NotAGreeting(served, "its first message has no end of header");
                    }

                    header.Append((char)ReadByte(socket, served, timeout));
                }

                var length = ContentLength(header.ToString());
                if (length == null || length.Value > MaxGreetingBytes)
                {
                    throw NotAGreeting(served, "its first message is not a greeting");
                }

                var body = new byte[length.Value];
                for (var read = 0; read < body.Length;)
                {
                    var n = Receive(socket, body, read, body.Length - read, served, timeout);
                    read += n;
                }

                var message = JObject.Parse(Encoding.UTF8.GetString(body));
                var method = message.Value<string>("method");
                var parameters = message["params"] as JObject;
                var maxMessageBytes = parameters == null ? null : parameters["maxMessageBytes"];
                if (method == WelcomeMethod && maxMessageBytes != null && maxMessageBytes.Type == JTokenType.Integer)
                {
                    var idle = parameters!["idleTimeoutSeconds"];
                    return (maxMessageBytes.Value<long>(), idle != null && idle.Type == JTokenType.Integer && idle.Value<long>() > 0 ? TimeSpan.FromSeconds(idle.Value<long>()) : (TimeSpan?)null);
                }

                if (method == RefusedMethod && parameters != null && parameters["error"] is JObject error)
                {
                    throw error.ToObject<ErrorData>()!.ToException();
                }

                throw NotAGreeting(served, "its first message is not a greeting");
            }
            catch (Newtonsoft.Json.JsonException)
            {
                throw NotAGreeting(served, "its first message is not JSON");
            }
            finally
            {
                socket.ReceiveTimeout = before;
            }
        }

        private static void Send(Socket socket, string method, JObject parameters)
        {
            var body = Encoding.UTF8.GetBytes(new JObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }.ToString(Newtonsoft.Json.Formatting.None));
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length.ToString(CultureInfo.InvariantCulture)}\r\n\r\n");
            var message = new byte[header.Length + body.Length];
            header.CopyTo(message, 0);
            body.CopyTo(message, header.Length);
            // A new connection's send buffer is empty: this never waits for the caller.
            socket.Send(message);
        }

        private static int ReadByte(Socket socket, ServedRoot served, TimeSpan timeout)
        {
            var one = new byte[1];
            Receive(socket, one, 0, 1, served, timeout);
            return one[0];
        }

        private static int Receive(Socket socket, byte[] buffer, int offset, int count, ServedRoot served, TimeSpan timeout)
        {
            int n;
            try
            {
                n = socket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
            {
                throw new CodeEnvException(
                    ErrorIds.ServiceNotResponding,
                    $"The CodeEnv service of '{served.Paths.Root}' took the connection but did not answer within {timeout.TotalSeconds:0} s: it is overloaded, or older than this module (restart it after an upgrade: 'sudo systemctl restart codeenv'). Run the command again.",
                    served.Paths.Root);
            }
            catch (SocketException e)
            {
                throw served.NotRunning(e.Message);
            }

            if (n == 0)
            {
                throw new CodeEnvException(
                    ErrorIds.ServiceConnectionLost,
                    $"The CodeEnv service of '{served.Paths.Root}' closed the connection before it greeted it (it is stopping, or was killed). Run the command again; 'systemctl status codeenv' says whether it runs.",
                    served.Paths.Root);
            }

            return n;
        }

        private static long? ContentLength(string header)
        {
            foreach (var line in header.Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && string.Equals(line.Substring(0, colon).Trim(), "Content-Length", StringComparison.OrdinalIgnoreCase)
                    && long.TryParse(line.Substring(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    return length;
                }
            }

            return null;
        }

        private static CodeEnvException NotAGreeting(ServedRoot served, string what) => new CodeEnvException(
            ErrorIds.ServiceFailed,
            $"What listens at '{served.Endpoint}' is not a CodeEnv service this module can talk to ({what}). Restart the service with this module's version: 'sudo systemctl restart codeenv'.",
            served.Paths.Root);
    }
}
