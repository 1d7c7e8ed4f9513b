using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The supplementary group ids of this process.</summary>
        [DllImport("libc", EntryPoint = "getgroups", SetLastError = true)]
        internal static extern int Getgroups(int size, uint[]? list);
    }
}
