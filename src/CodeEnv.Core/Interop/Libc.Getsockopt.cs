using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Reads a socket option; here only SO_PEERCRED, into <see cref="UnixCredentials"/>.</summary>
        [DllImport("libc", EntryPoint = "getsockopt", SetLastError = true)]
        internal static extern int Getsockopt(int socket, int level, int option, ref UnixCredentials value, ref int length);

        /// <summary>struct ucred, as SO_PEERCRED fills it.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct UnixCredentials
        {
            public int Pid;
            public uint Uid;
            public uint Gid;
        }
    }
}
