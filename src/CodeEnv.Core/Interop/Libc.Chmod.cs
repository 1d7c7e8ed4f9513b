using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Sets a path's mode bits.</summary>
        [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
        internal static extern int Chmod(string path, uint mode);
    }
}
