using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Gateway
{
    /// <summary>
    /// The head of one HTTP/1.1 request to the gateway: its method and target. Headers are read to their end and
    /// ignored: the gateway decides what it asks upstream. The head is bounded in size; a larger one is no request.
    /// </summary>
    internal sealed class GatewayRequest
    {
        public const int MaxHeadBytes = 16 * 1024;

        private GatewayRequest(string method, string target)
        {
            Method = method;
            Target = target;
        }

        public string Method { get; }

        /// <summary>The request target: a path and query (origin form; a request with any other form is not read).</summary>
        public string Target { get; }

        /// <summary>Reads a request head; null when the connection ends first, or it is not a request this gateway reads.</summary>
        public static async Task<GatewayRequest?> ReadAsync(Stream stream, CancellationToken cancellation)
        {
            var buffer = new byte[MaxHeadBytes];
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    return null;
                }

                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellation).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                length += read;
                var end = HeadEnd(buffer, length);
                if (end >= 0)
                {
                    return Parse(Encoding.ASCII.GetString(buffer, 0, end));
                }
            }
        }

        private static int HeadEnd(byte[] buffer, int length)
        {
            for (var i = 3; i < length; i++)
            {
                if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r')
                {
                    return i - 3;
                }
            }

            return -1;
        }

        private static GatewayRequest? Parse(string head)
        {
            var line = head.Split(new[] { "\r\n" }, StringSplitOptions.None)[0];
            var parts = line.Split(' ');
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal) || !parts[1].StartsWith("/", StringComparison.Ordinal))
            {
                return null;
            }

            return new GatewayRequest(parts[0], parts[1]);
        }
    }
}
