using System;
using System.IO;

namespace CodeEnv.Store
{
    /// <summary>
    /// Takes an env folder out of envs/ in one rename, then deletes it. The rename is what makes a removal all or
    /// nothing; a deletion that fails afterwards leaves files in state/trash, where they block no name.
    /// </summary>
    internal sealed class Trash
    {
        private readonly RootPaths paths;

        public Trash(RootPaths paths)
        {
            this.paths = paths;
        }

        /// <summary>Moves the env's folder into the trash; throws IOException when it cannot be moved.</summary>
        public string Take(string name)
        {
            Directory.CreateDirectory(paths.TrashFolder);
            var trashed = Path.Combine(paths.TrashFolder, Leftovers.TrashName(name, "env"));
            Directory.Move(paths.EnvFolder(name), trashed);
            return trashed;
        }

        /// <summary>
        /// Moves one of the env's folders (a venv no longer served) into the trash in one rename, named with the env's key
        /// so the env's venv lock covers it, and returns where it went.
        /// </summary>
        public string TakeVenv(string name, string folder)
        {
            Directory.CreateDirectory(paths.TrashFolder);
            var trashed = Path.Combine(paths.TrashFolder, Leftovers.TrashName(name, "venv"));
            Directory.Move(folder, trashed);
            return trashed;
        }

        /// <summary>Deletes a trashed folder; returns why it could not, or null.</summary>
        public static string? Empty(string trashed)
        {
            try
            {
                Directory.Delete(trashed, recursive: true);
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return e.Message;
            }
        }
    }
}
