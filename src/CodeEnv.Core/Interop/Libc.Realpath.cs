using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The path with every symlink resolved, allocated by libc (release it with <see cref="Free"/>), or zero.</summary>
        [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
        internal static extern IntPtr Realpath(string path, IntPtr resolved);
    }
}
