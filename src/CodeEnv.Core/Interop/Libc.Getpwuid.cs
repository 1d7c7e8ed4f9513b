using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The user database's entry for a uid (struct passwd), or zero.</summary>
        [DllImport("libc", EntryPoint = "getpwuid", SetLastError = true)]
        internal static extern IntPtr Getpwuid(uint uid);
    }
}
