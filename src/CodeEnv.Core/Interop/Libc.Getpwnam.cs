using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The user database's entry for a user name (struct passwd), or zero.</summary>
        [DllImport("libc", EntryPoint = "getpwnam", SetLastError = true)]
        internal static extern IntPtr Getpwnam(string name);
    }
}
