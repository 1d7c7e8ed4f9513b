using System;
using System.Runtime.InteropServices;
using System.Text;

namespace CodeEnv.Python
{
    /// <summary>Symbolic links and file modes through libc, which netstandard2.0 has no API for.</summary>
    internal static class UnixLinks
    {
        /// <summary>The target of a symbolic link, or null when the path is not one.</summary>
        public static string? ReadSymbolicLink(string path)
        {
            var buffer = new byte[4096];
            var length = readlink(path, buffer, (IntPtr)buffer.Length);
            return (long)length <= 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)length);
        }

        public static bool TryCreateSymbolicLink(string path, string target) => symlink(target, path) == 0;

        public static bool TryMakeExecutable(string path) => TryChangeMode(path, 0x1ED /* 0755 */);

        public static bool TryChangeMode(string path, int mode) => chmod(path, (uint)mode) == 0;

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr readlink(string path, byte[] buffer, IntPtr size);

        [DllImport("libc", SetLastError = true)]
        private static extern int symlink(string target, string path);

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string path, uint mode);
    }
}
