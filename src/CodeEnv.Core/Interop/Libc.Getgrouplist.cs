using System.Runtime.InteropServices;

namespace CodeEnv.Interop
{
    internal static partial class Libc
    {
        /// <summary>Every group of a user through NSS; negative when <paramref name="groups"/> is too small.</summary>
        [DllImport("libc", EntryPoint = "getgrouplist", SetLastError = true)]
        internal static extern int Getgrouplist(string user, uint group, uint[] groups, ref int count);
    }
}
