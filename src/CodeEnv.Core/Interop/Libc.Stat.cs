using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Fills a struct stat for a path after symlinks.</summary>
        [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
        internal static extern int Stat(string path, IntPtr buffer);
    }
}
