using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>stat under the only name glibc before 2.33 exports.</summary>
        [DllImport("libc", EntryPoint = "__xstat", SetLastError = true)]
        internal static extern int Xstat(int version, string path, IntPtr buffer);
    }
}
