using System;
using System.Text;

namespace CodeEnv.Service
{
    /// <summary>
    /// Follows the framing of the service's JSON-RPC messages (a header of <c>Name: value</c> lines ending in an empty
    /// line, then a body of Content-Length bytes) as the bytes pass, without keeping more than a header: where each
    /// message begins and ends, and what its header declares. So a message is judged by its header before any of its
    /// body is read or sent: a header longer than <see cref="MaxHeaderBytes"/>, one without a valid Content-Length, or
    /// one that declares more than the limit is a <see cref="FramingViolation"/>.
    /// </summary>
    internal sealed class MessageFraming
    {
        /// <summary>StreamJsonRpc writes a header of about 30 bytes; a few KiB leave room for any other client's.</summary>
        public const int MaxHeaderBytes = 4096;

        private const string ContentLength = "Content-Length";

        private readonly long maxContentBytes;
        private readonly byte[] header = new byte[MaxHeaderBytes];
        private int headerLength;
        private long bodyRemaining;
        private bool inBody;

        public MessageFraming(long maxContentBytes)
        {
            this.maxContentBytes = maxContentBytes;
        }

        /// <summary>Whether a message has begun (its header or body) and not ended.</summary>
        public bool InMessage => inBody || headerLength > 0;

        /// <summary>How many messages ended whole so far.</summary>
        public long Messages { get; private set; }

        /// <summary>The body length the last complete header declared.</summary>
        public long LastDeclaredBytes { get; private set; }

        /// <summary>Follows <paramref name="count"/> more bytes: null while they keep to the framing, else what broke it (and everything after is unread).</summary>
        public FramingViolation? Follow(byte[] buffer, int offset, int count)
        {
            var end = offset + count;
            var i = offset;
            while (i < end)
            {
                if (inBody)
                {
                    var take = (int)Math.Min(bodyRemaining, end - i);
                    i += take;
                    bodyRemaining -= take;
                    if (bodyRemaining == 0)
                    {
                        inBody = false;
                        Messages++;
                    }

                    continue;
                }

                if (headerLength == MaxHeaderBytes)
                {
                    return new FramingViolation($"a message header longer than {MaxHeaderBytes} bytes", null);
                }

                header[headerLength++] = buffer[i++];
                if (headerLength >= 4 && header[headerLength - 4] == '\r' && header[headerLength - 3] == '\n' && header[headerLength - 2] == '\r' && header[headerLength - 1] == '\n')
                {
                    var violation = EndHeader();
                    if (violation != null)
                    {
                        return violation;
                    }
                }
            }

            return null;
        }

        private FramingViolation? EndHeader()
        {
            var text = Encoding.ASCII.GetString(header, 0, headerLength - 4);
            headerLength = 0;
            long? declared = null;
            foreach (var line in text.Split(new[] { "\r\n" }, StringSplitOptions.None))
            {
                var colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    return new FramingViolation("a message header line that is not 'Name: value'", null);
                }

                if (!string.Equals(line.Substring(0, colon).Trim(), ContentLength, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var value = line.Substring(colon + 1).Trim();
                if (value.Length == 0 || value.Length > 18 || !IsDigits(value))
                {
                    return new FramingViolation($"a message header with an invalid Content-Length '{PrintableValue(value)}'", null);
                }

                declared = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (declared == null)
            {
                return new FramingViolation("a message header without Content-Length", null);
            }

            LastDeclaredBytes = declared.Value;
            if (declared.Value > maxContentBytes)
            {
                return new FramingViolation($"a message of {declared.Value} bytes, more than the {maxContentBytes} the service reads", declared.Value);
            }

            bodyRemaining = declared.Value;
            inBody = bodyRemaining > 0;
            if (!inBody)
            {
                Messages++;
            }

            return null;
        }

        private static bool IsDigits(string value)
        {
            foreach (var c in value)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static string PrintableValue(string value) => value.Length > 40 ? value.Substring(0, 40) + "..." : value;
    }
}
