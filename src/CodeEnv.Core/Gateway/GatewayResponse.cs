using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Gateway
{
    /// <summary>An HTTP/1.1 response head (and a body held in memory) as the index gateway writes it: always Connection: close.</summary>
    internal static class GatewayResponse
    {
        public static Task ErrorAsync(Stream client, int status, string reason, string text, bool headOnly, CancellationToken cancellation)
        {
            var body = Encoding.UTF8.GetBytes("CodeEnv index gateway: " + text + "\n");
            var headers = new Dictionary<string, string>
            {
                ["Content-Type"] = "text/plain; charset=utf-8",
                ["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            return WriteAsync(client, status, reason, headers, headOnly ? null : body, cancellation);
        }

        public static async Task WriteAsync(Stream client, int status, string reason, IEnumerable<KeyValuePair<string, string>> headers, byte[]? body, CancellationToken cancellation)
        {
            var text = new StringBuilder();
            text.Append("HTTP/1.1 ").Append(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(Clean(reason)).Append("\r\n");
            foreach (var header in headers)
            {
                text.Append(header.Key).Append(": ").Append(Clean(header.Value)).Append("\r\n");
            }

            text.Append("Connection: close\r\n\r\n");
            // One write for the head and the body: the forwarder passes on what it reads as it reads it, and two small
            // writes would be two TCP segments for pip.
            var head = Encoding.ASCII.GetBytes(text.ToString());
            var bytes = new byte[head.Length + (body?.Length ?? 0)];
            Buffer.BlockCopy(head, 0, bytes, 0, head.Length);
            if (body != null)
            {
                Buffer.BlockCopy(body, 0, bytes, head.Length, body.Length);
            }

            await client.WriteAsync(bytes, 0, bytes.Length, cancellation).ConfigureAwait(false);
        }

        // No header value from upstream may end the head early or start another header.
        private static string Clean(string value) => new string(value.Where(c => c >= ' ' && c < 127).ToArray());
    }
}
