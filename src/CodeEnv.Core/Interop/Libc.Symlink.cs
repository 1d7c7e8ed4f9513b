using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Creates a symbolic link at <paramref name="path"/>.</summary>
        [DllImport("libc", EntryPoint = "symlink", SetLastError = true)]
        internal static extern int Symlink(string target, string path);
    }
}
