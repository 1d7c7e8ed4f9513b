using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Writes to disk everything cached for the file system that holds the descriptor's file (Linux).</summary>
        [DllImport("libc", EntryPoint = "syncfs", SetLastError = true)]
        internal static extern int Syncfs(int descriptor);
    }
}
