using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Service
{
    /// <summary>
    /// A stream over another that checks what passes (both ends of a service connection do): it cannot seek, flushes
    /// and disposes the stream it wraps, and leaves reading and writing to the class that checks them.
    /// </summary>
    internal abstract class WrappingStream : Stream
    {
        protected WrappingStream(Stream inner)
        {
            Inner = inner;
        }

        protected Stream Inner { get; }

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => Inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
