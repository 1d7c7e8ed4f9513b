using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CodeEnv.Store
{
    /// <summary>
    /// What a killed process leaves behind in a root: temp files of atomic writes (".env.json.(guid).tmp") and folders
    /// in state/trash that a removal or rebuild renamed there but did not finish deleting. The new holder of the lock
    /// the dead process held removes them; nothing of a live process is touched, since it would still hold that lock.
    /// </summary>
    internal static class Leftovers
    {
        /// <summary>The trash name of an env folder or a venv: the env's key first, so the env's lock covers it.</summary>
        public static string TrashName(string envName, string what) => RootPaths.Key(envName) + "." + what + "." + System.Guid.NewGuid().ToString("N");

        /// <summary>Removes the leftovers the env's metadata lock (<paramref name="files"/>) or venv lock guards, but for incomplete venv generations (<c>VenvGenerations.SweepIncomplete</c>, above the store); returns what went.</summary>
        public static IReadOnlyList<string> Sweep(RootPaths paths, string envName, bool files)
        {
            var removed = new List<string>();
            var key = RootPaths.Key(envName);
            if (files)
            {
                foreach (var folder in new[] { paths.EnvFolder(envName), paths.HistoryFolder(envName) }.Where(Directory.Exists))
                {
                    foreach (var temp in Directory.GetFiles(folder, ".*.tmp"))
                    {
                        if (TryDelete(() => File.Delete(temp)))
                        {
                            removed.Add(temp);
                        }
                    }
                }
            }

            if (Directory.Exists(paths.TrashFolder))
            {
                // Env folders (key.env.*) are the metadata lock's; venvs (key.venv.*) the venv lock's. Older roots named
                // trashed env folders key-(guid).
                var legacy = new Regex("^" + Regex.Escape(key) + "-[0-9a-f]{32}$");
                foreach (var entry in Directory.GetDirectories(paths.TrashFolder))
                {
                    var name = Path.GetFileName(entry);
                    var mine = files
                        ? name.StartsWith(key + ".env.", System.StringComparison.Ordinal) || legacy.IsMatch(name)
                        : name.StartsWith(key + ".venv.", System.StringComparison.Ordinal);
                    if (mine && Trash.Empty(entry) == null)
                    {
                        removed.Add(entry);
                    }
                }
            }

            return removed;
        }

        private static bool TryDelete(System.Action delete)
        {
            try
            {
                delete();
                return true;
            }
            catch (System.Exception e) when (e is IOException || e is System.UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
