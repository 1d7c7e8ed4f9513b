using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Security
{
    /// <summary>Whether a user name is known to this machine's user database (NSS included).</summary>
    internal static class UnixUsers
    {
        public static bool Exists(string userName) => Platform.IsWindows || getpwnam(userName) != IntPtr.Zero;

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr getpwnam(string name);
    }
}
