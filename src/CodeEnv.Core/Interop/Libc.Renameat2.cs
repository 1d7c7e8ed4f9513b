using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>rename with flags (Linux 3.15 and later).</summary>
        [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
        internal static extern int Renameat2(int fromFolder, string from, int toFolder, string to, uint flags);
    }
}
