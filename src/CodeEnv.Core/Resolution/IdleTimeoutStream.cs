using System;
using System.IO;
using System.Threading;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// A network body read synchronously (the package store hashes and writes as it reads) in which every read waits at
    /// most <c>idle</c> and stops when the caller cancels: a download of gigabytes may take long, but never stall forever.
    /// </summary>
    internal sealed class IdleTimeoutStream : Stream
    {
        private readonly Stream inner;
        private readonly TimeSpan idle;
        private readonly CancellationToken cancellation;

        public IdleTimeoutStream(Stream inner, TimeSpan idle, CancellationToken cancellation)
        {
            this.inner = inner;
            this.idle = idle;
            this.cancellation = cancellation;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
            {
                wait.CancelAfter(idle);
                try
                {
                    return inner.ReadAsync(buffer, offset, count, wait.Token).GetAwaiter().GetResult();
                }
                catch (IOException e)
                {
                    // The connection failed, not the disk the consumer writes to: the caller tells them apart by type.
                    throw new System.Net.Http.HttpRequestException(e.Message, e);
                }
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
