using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The group database's entry for a group name (struct group), or zero.</summary>
        [DllImport("libc", EntryPoint = "getgrnam", SetLastError = true)]
        internal static extern IntPtr Getgrnam(string name);
    }
}
