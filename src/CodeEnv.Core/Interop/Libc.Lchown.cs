using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Gives a path (not a link's target) to another owner and group.</summary>
        [DllImport("libc", EntryPoint = "lchown", SetLastError = true)]
        internal static extern int Lchown(string path, uint owner, uint group);
    }
}
