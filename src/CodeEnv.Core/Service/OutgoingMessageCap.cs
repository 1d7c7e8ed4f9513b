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
    internal sealed class OutgoingMessageCap : Stream
    {
        private readonly Stream inner;
        private readonly MessageFraming framing;
        private readonly long maxMessageBytes;
        private readonly string root;

        public OutgoingMessageCap(Stream inner, long maxMessageBytes, string root)
        {
            this.inner = inner;
            this.maxMessageBytes = maxMessageBytes;
            this.root = root;
            framing = new MessageFraming(maxMessageBytes);
        }

        /// <summary>The message refused, as the caller's error; then nothing more is written.</summary>
        public CodeEnvException? Refusal { get; private set; }

        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Check(buffer, offset, count);
            inner.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Check(buffer, offset, count);
            return inner.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
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
