using System.IO;

namespace CodeEnv.Store
{
    /// <summary>
    /// The modes of files venvs share by hard links (the package store's, the interpreter seeds' packages): files read-only
    /// for everyone (0444, 0555 where executable), folders 0755. A venv's file is then one inode with the shared file, so a
    /// mode that let the venv's owner write it would let a user of one env change every other env that links the file.
    /// </summary>
    internal static class StoreModes
    {
        public const int ReadOnlyFile = 0x124; // 0444

        public const int ReadOnlyExecutable = 0x16D; // 0555

        public const int Folder = 0x1ED; // 0755

        private const uint AnyExecute = 0x49; // 0111

        public static void MakeReadOnly(string file, bool executable)
        {
            if (!Platform.IsWindows)
            {
                Change(file, executable ? ReadOnlyExecutable : ReadOnlyFile);
            }
        }

        public static void MakeFolder(string folder)
        {
            if (!Platform.IsWindows)
            {
                Change(folder, Folder);
            }
        }

        /// <summary>Whether anyone may execute the file (always false on Windows, which has no such bit).</summary>
        public static bool IsExecutable(string file) => !Platform.IsWindows && ((FileKind.ModeOf(file) ?? 0) & AnyExecute) != 0;

        /// <summary>Adds the execute bits (u+x, g+x, o+x) to a file's mode, as pip and distlib do for scripts.</summary>
        public static void AddExecute(string file, uint bits = AnyExecute)
        {
            if (!Platform.IsWindows && FileKind.ModeOf(file) is uint mode)
            {
                Change(file, (int)((mode & 0xFFF) | bits));
            }
        }

        private static void Change(string path, int mode)
        {
            if (!UnixLinks.TryChangeMode(path, mode))
            {
                throw new IOException($"Could not set the mode of '{path}' to {System.Convert.ToString(mode, 8)} (errno {System.Runtime.InteropServices.Marshal.GetLastWin32Error()}).");
            }
        }
    }
}
