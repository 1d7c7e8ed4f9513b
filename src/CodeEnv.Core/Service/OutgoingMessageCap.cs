using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;

namespace CodeEnv.Service
{
    /// <summary>
    /// The caller's end of its connection: every message JSON-RPC writes is measured by its header before any of it is
    /// sent, and one larger than the service reads is refused here, with the limit and how an administrator raises it,
    /// instead of being cut off by the service. A connection that refused a message is done: what JSON-RPC had
    /// buffered of it is never sent, and the next call connects again.
    /// </summary>
    internal sealed class OutgoingMessageCap : WrappingStream
    {
        private readonly MessageFraming framing;
        private readonly long maxMessageBytes;
        private readonly string root;

        public OutgoingMessageCap(Stream inner, long maxMessageBytes, string root)
            : base(inner)
        {
            this.maxMessageBytes = maxMessageBytes;
            this.root = root;
            framing = new MessageFraming(maxMessageBytes);
        }

        /// <summary>The message refused, as the caller's error; then nothing more is written.</summary>
        public CodeEnvException? Refusal { get; private set; }

        public override bool CanRead => Inner.CanRead;

        public override bool CanWrite => Inner.CanWrite;

        public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(buffer, offset, count);
            Inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(buffer, offset, count);
            return Inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        private void Check(byte[] buffer, int offset, int count)
        {
            if (Refusal != null)
            {
                throw Refusal;
            }

            var violation = framing.Follow(buffer, offset, count);
            if (violation != null)
            {
                Refusal = ServiceLimitErrors.MessageTooLarge(root, violation.DeclaredBytes ?? framing.LastDeclaredBytes, maxMessageBytes);
                throw Refusal;
            }
        }
    }
}
