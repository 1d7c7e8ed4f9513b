using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Renames in one step, replacing <paramref name="to"/>.</summary>
        [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
        internal static extern int Rename(string from, string to);
    }
}
