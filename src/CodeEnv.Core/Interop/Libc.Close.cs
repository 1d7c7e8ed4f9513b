using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Closes a descriptor.</summary>
        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        internal static extern int Close(int descriptor);
    }
}
