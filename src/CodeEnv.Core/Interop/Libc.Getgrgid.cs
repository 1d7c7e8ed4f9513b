using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The group database's entry for a gid (struct group), or zero.</summary>
        [DllImport("libc", EntryPoint = "getgrgid", SetLastError = true)]
        internal static extern IntPtr Getgrgid(uint gid);
    }
}
