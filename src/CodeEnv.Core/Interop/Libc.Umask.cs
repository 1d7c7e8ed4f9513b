using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Sets the mode bits this process's new files leave out; returns the previous mask.</summary>
        [DllImport("libc", EntryPoint = "umask")]
        internal static extern uint Umask(uint mask);
    }
}
