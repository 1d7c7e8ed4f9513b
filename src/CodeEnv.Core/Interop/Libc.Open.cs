using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Opens a path (a folder too, with flags 0, O_RDONLY) and returns its descriptor, or -1.</summary>
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        internal static extern int Open(string path, int flags);
    }
}
