using System;
using System.Runtime.InteropServices;
using System.Text;
using CodeEnv.Interop;

namespace CodeEnv.Store
{
    /// <summary>Symbolic links and file modes through libc, which netstandard2.0 has no API for.</summary>
    internal static class UnixLinks
    {
        /// <summary>The target of a symbolic link, or null when the path is not one.</summary>
        public static string? ReadSymbolicLink(string path)
        {
            var buffer = new byte[4096];
            var length = Libc.Readlink(path, buffer, (IntPtr)buffer.Length);
            return (long)length <= 0 ? null : Encoding.UTF8.GetString(buffer, 0, (int)length);
        }

        public static bool TryCreateSymbolicLink(string path, string target) => Libc.Symlink(target, path) == 0;

        /// <summary>Creates a symbolic link, or throws IOException with the errno.</summary>
        public static void CreateSymbolicLink(string path, string target)
        {
            if (!TryCreateSymbolicLink(path, target))
            {
                throw new System.IO.IOException($"Could not create the symbolic link '{path}' -> '{target}' (errno {Marshal.GetLastWin32Error()}).");
            }
        }

        /// <summary>rename(2): replaces <paramref name="to"/> in one step, even where it is a symbolic link (File.Move refuses an existing target).</summary>
        public static bool TryRename(string from, string to) => Libc.Rename(from, to) == 0;

        /// <summary>
        /// Swaps two paths in one step (renameat2 with RENAME_EXCHANGE): used where a folder must become a link with no
        /// moment in which neither exists. False where the kernel or file system cannot.
        /// </summary>
        public static bool TryExchange(string a, string b)
        {
            try
            {
                return Libc.Renameat2(AtCurrentFolder, a, AtCurrentFolder, b, RenameExchange) == 0;
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }
        }

        public static bool TryMakeExecutable(string path) => TryChangeMode(path, 0x1ED /* 0755 */);

        public static bool TryChangeMode(string path, int mode) => Libc.Chmod(path, (uint)mode) == 0;

        private const int AtCurrentFolder = -100;
        private const uint RenameExchange = 2;
    }
}
