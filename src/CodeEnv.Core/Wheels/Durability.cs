using System;
using CodeEnv.Interop;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// Puts a folder's new files on disk before it is renamed into the store: the rename is what makes a tree or a bytecode
    /// folder visible, and without this a power loss could leave a visible tree whose files have no content yet. One
    /// syncfs(2) for the whole folder, where fsync of each file of a 2,000-file tree would cost a journal commit each.
    /// </summary>
    internal static class Durability
    {
        public static void Flush(string folder)
        {
            if (!Platform.IsLinux)
            {
                return;
            }

            var descriptor = Libc.Open(folder, 0);
            if (descriptor < 0)
            {
                return;
            }

            try
            {
                Libc.Syncfs(descriptor);
            }
            catch (EntryPointNotFoundException)
            {
                // A libc without syncfs: the rename still publishes whole trees, only their durability across a power loss is not promised.
            }
            finally
            {
                Libc.Close(descriptor);
            }
        }
    }
}
