using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>The effective group id of this process.</summary>
        [DllImport("libc", EntryPoint = "getegid")]
        internal static extern uint Getegid();
    }
}
