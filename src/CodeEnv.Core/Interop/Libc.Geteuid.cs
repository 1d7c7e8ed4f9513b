using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The effective user id of this process.</summary>
        [DllImport("libc", EntryPoint = "geteuid")]
        internal static extern uint Geteuid();
    }
}
