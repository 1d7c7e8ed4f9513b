using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The target of a symbolic link into <paramref name="buffer"/>; the length, or -1.</summary>
        [DllImport("libc", EntryPoint = "readlink", SetLastError = true)]
        internal static extern IntPtr Readlink(string path, byte[] buffer, IntPtr size);
    }
}
