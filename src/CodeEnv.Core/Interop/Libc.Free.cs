using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Releases memory libc allocated.</summary>
        [DllImport("libc", EntryPoint = "free")]
        internal static extern void Free(IntPtr pointer);
    }
}
