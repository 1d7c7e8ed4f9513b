using System;
using System.Runtime.InteropServices;
using CodeEnv.Interop;

namespace CodeEnv.Security
{
    /// <summary>
    /// Who is on the other end of a local (Unix domain) socket, as the kernel recorded it when the peer connected
    /// (SO_PEERCRED): the one thing about a caller of the service that the caller cannot choose. What the caller sends
    /// is never asked.
    /// </summary>
    public sealed class PeerCredentials
    {
        private const int SolSocket = 1;
        private const int SoPeerCred = 17;

        private PeerCredentials(int processId, uint userId, uint groupId)
        {
            ProcessId = processId;
            UserId = userId;
            GroupId = groupId;
        }

        public int ProcessId { get; }

        public uint UserId { get; }

        public uint GroupId { get; }

        /// <summary>The credentials of the peer of a connected Unix domain socket, by its file descriptor (Socket.Handle).</summary>
        public static PeerCredentials Of(IntPtr socket)
        {
            if (!Platform.IsLinux)
            {
                throw new PlatformNotSupportedException("Peer credentials of a local socket are read with SO_PEERCRED, which this CodeEnv supports on Linux only.");
            }

            var credentials = new Libc.UnixCredentials();
            var size = Marshal.SizeOf<Libc.UnixCredentials>();
            if (Libc.Getsockopt(socket.ToInt32(), SolSocket, SoPeerCred, ref credentials, ref size) != 0)
            {
                throw new InvalidOperationException($"The peer of the connection could not be identified (getsockopt SO_PEERCRED, errno {Marshal.GetLastWin32Error()}); the connection is refused.");
            }

            return new PeerCredentials(credentials.Pid, credentials.Uid, credentials.Gid);
        }

        /// <summary>The peer as an OS user and that user's groups from the OS group database.</summary>
        public CallerIdentity Identity() => UnixAccounts.IdentityOf(UserId);
    }
}
