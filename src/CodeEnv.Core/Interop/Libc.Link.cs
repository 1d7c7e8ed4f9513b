using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Makes <paramref name="path"/> a new name (a hard link) of the file <paramref name="existing"/>.</summary>
        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        internal static extern int Link(string existing, string path);
    }
}
