using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        internal const int LockShared = 1; // LOCK_SH

        internal const int LockExclusive = 2; // LOCK_EX

        internal const int LockNonBlocking = 4; // LOCK_NB

        /// <summary>Takes or releases an advisory lock on an open file description (flock(2)); 0, or -1 with errno.</summary>
        [DllImport("libc", EntryPoint = "flock", SetLastError = true)]
        internal static extern int Flock(int descriptor, int operation);
    }
}
