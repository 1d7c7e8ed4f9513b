using System.IO;
using CodeEnv.Errors;

namespace CodeEnv.Store
{
    /// <summary>
    /// The paths inside a root that CodeEnv writes or runs must be what CodeEnv made: a symbolic link planted where
    /// it writes (logs/, history/, env.json, ...) would send the writes of whoever runs the next operation, root
    /// included, to wherever the link points. Each is checked before an operation touches it; a planted link is
    /// refused, and nothing is written through it.
    /// </summary>
    public static class PlantedLinks
    {
        public static bool IsLink(string path)
        {
            // FileInfo reports a missing path as attributes -1 instead of throwing: most checked paths of an env that was
            // never installed do not exist, and listing 10,000 envs would otherwise throw tens of thousands of times.
            try
            {
                var attributes = new FileInfo(path).Attributes;
                return (int)attributes != -1 && (attributes & FileAttributes.ReparsePoint) != 0;
            }
            catch (IOException)
            {
                return false;
            }
            catch (System.UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>Throws <c>PathIsLink</c> (InvalidData) when <paramref name="path"/> exists as a symbolic link.</summary>
        public static void Refuse(string path, string what)
        {
            if (IsLink(path))
            {
                throw new CodeEnvException(
                    ErrorIds.PathIsLink,
                    $"{what} '{path}' is a symbolic link, which CodeEnv did not make; it will not write or run anything through it. Remove the link (rm '{path}'); Update-CodeEnv -Rebuild makes the venv anew.",
                    path);
            }
        }
    }
}
