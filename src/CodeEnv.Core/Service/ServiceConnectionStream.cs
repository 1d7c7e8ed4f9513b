using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Service
{
    /// <summary>
    /// The service's end of one connection, as JSON-RPC reads and writes it. Every byte read is checked against the
    /// message framing before StreamJsonRpc buffers it: a header over a few KiB, without Content-Length, or declaring
    /// more than the message limit ends the connection, so an oversized message is never held in memory. It also keeps
    /// the times <see cref="Check"/> judges the connection by: when the message being read began, when a write to a
    /// caller that does not read began, and when the last message, answer or operation ended.
    /// </summary>
    internal sealed class ServiceConnectionStream : WrappingStream
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();

        private readonly object gate = new object();
        private readonly Socket socket;
        private readonly MessageFraming framing;
        private TimeSpan lastActivity;
        private TimeSpan? messageBegan;
        private TimeSpan? writeBegan;
        private long messagesSeen;
        private int operations;

        public ServiceConnectionStream(Socket socket, long maxMessageBytes)
            : base(new NetworkStream(socket, ownsSocket: true))
        {
            this.socket = socket;
            framing = new MessageFraming(maxMessageBytes);
            lastActivity = Clock.Elapsed;
        }

        /// <summary>Why the service ended the connection, or null while it serves it.</summary>
        public string? ClosedBecause { get; private set; }

        public override bool CanRead => true;

        public override bool CanWrite => true;

        /// <summary>A request was read: the connection is busy until it is answered.</summary>
        public void OperationStarted()
        {
            lock (gate)
            {
                operations++;
            }
        }

        public void OperationEnded()
        {
            lock (gate)
            {
                operations--;
                lastActivity = Clock.Elapsed;
            }
        }

        /// <summary>
        /// Ends the connection if it broke a time limit: a message not whole within the message timeout of its first
        /// byte (a header that never ends included), answers the caller has not read for the idle timeout (a caller
        /// suspended with Ctrl+Z keeps its operation for that long), or no operation and no message for the idle timeout. The decision and every read are under one lock, so a request that arrives after
        /// the connection was judged idle is dropped unread, never run.
        /// </summary>
        public void Check(ServiceLimits limits)
        {
            lock (gate)
            {
                if (ClosedBecause != null)
                {
                    return;
                }

                var now = Clock.Elapsed;
                if (messageBegan is TimeSpan began && now - began > limits.MessageTimeout)
                {
                    ClosedBecause = $"it did not send a whole message within {limits.EffectiveMessageTimeoutSeconds} s of starting one";
                }
                else if (writeBegan is TimeSpan writing && now - writing > limits.IdleTimeout)
                {
                    ClosedBecause = $"it read nothing of the service's answers for {limits.EffectiveIdleTimeoutSeconds} s";
                }
                else if (operations == 0 && !framing.InMessage && now - lastActivity > limits.IdleTimeout)
                {
                    ClosedBecause = $"it was idle for {limits.EffectiveIdleTimeoutSeconds} s";
                }
                else
                {
                    return;
                }
            }

            Shut();
        }

        public override int Read(byte[] buffer, int offset, int count) => Checked(buffer, offset, Inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Checked(buffer, offset, await Inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            lock (gate)
            {
                writeBegan = Clock.Elapsed;
            }

            try
            {
                await Inner.WriteAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (gate)
                {
                    writeBegan = null;
                    lastActivity = Clock.Elapsed;
                }
            }
        }

        // What the caller sent, let through only while it keeps to the framing and the connection is served; otherwise
        // the end of the stream, which ends the connection.
        private int Checked(byte[] buffer, int offset, int read)
        {
            if (read == 0)
            {
                return 0;
            }

            FramingViolation? violation;
            lock (gate)
            {
                if (ClosedBecause != null)
                {
                    return 0;
                }

                violation = framing.Follow(buffer, offset, read);
                var now = Clock.Elapsed;
                if (violation != null)
                {
                    ClosedBecause = "it sent " + violation.What;
                }
                else
                {
                    // The message being read began now if an earlier one ended in this read.
                    lastActivity = now;
                    messageBegan = !framing.InMessage ? null : framing.Messages != messagesSeen ? now : messageBegan ?? now;
                    messagesSeen = framing.Messages;
                }
            }

            if (violation != null)
            {
                Shut();
                return 0;
            }

            return read;
        }

        private void Shut()
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
