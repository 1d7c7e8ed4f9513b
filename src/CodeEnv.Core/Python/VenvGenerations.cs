using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>
    /// An env's venvs by generation. An update that changes packages builds the next generation as a real venv in
    /// envs/&lt;Name&gt;/venvs/&lt;n&gt;, beside the one that serves; only a checked build is switched to, by replacing the
    /// stable link envs/&lt;Name&gt;/venv in one rename, so a failed or killed update leaves the current venv serving and a
    /// process that started before the switch keeps its own folder (see <see cref="StableEntryPoints"/>). The last few
    /// generations stay, each with the record of what it was built from, so a restore is a switch. Callers hold the env's
    /// venv lock. Windows keeps the venv in place (the stable path is the venv itself): switching there is not built yet.
    /// </summary>
    internal sealed class VenvGenerations
    {
        private static readonly Regex GenerationName = new Regex(@"^([0-9]{1,9})(\.entry|\.installed\.json)?$");

        private readonly RootPaths paths;
        private readonly Trash trash;

        public VenvGenerations(RootPaths paths)
        {
            this.paths = paths;
            trash = new Trash(paths);
        }

        public static bool Supported => !Platform.IsWindows;

        /// <summary>The generation the stable path leads to; null when it is no link of CodeEnv's (a venv made in place, or none).</summary>
        public int? Current(string name) => StableVenvLink.GenerationOf(paths.VenvFolder(name));

        /// <summary>The real folder of the venv that serves: the current generation, or the stable folder itself.</summary>
        public string CurrentFolder(string name)
        {
            var current = Supported ? Current(name) : null;
            return current == null ? paths.VenvFolder(name) : paths.GenerationFolder(name, current.Value);
        }

        /// <summary>A new, empty generation folder beside the current one.</summary>
        public (int Generation, string Folder) Begin(string name)
        {
            var next = Numbers(name).DefaultIfEmpty(0).Max() + 1;
            var folder = paths.GenerationFolder(name, next);
            Directory.CreateDirectory(folder);
            return (next, folder);
        }

        /// <summary>Marks a built and checked generation complete: what it was built from, kept beside it.</summary>
        public void Complete(string name, int generation, InstalledLock installed)
        {
            installed.SchemaVersion = DocumentSchemas.Installed.Current;
            SchemaFile.Write(paths.GenerationRecord(name, generation), installed);
        }

        /// <summary>The complete generations, newest first, with what each was built from.</summary>
        public IReadOnlyList<KeptVenv> Kept(string name)
        {
            var current = Current(name);
            return Numbers(name).Distinct().OrderByDescending(n => n)
                .Where(n => File.Exists(paths.GenerationRecord(name, n)) && Directory.Exists(paths.GenerationFolder(name, n)))
                .Select(n => new KeptVenv(n, paths.GenerationFolder(name, n), SchemaFile.Read<InstalledLock>(paths.GenerationRecord(name, n), DocumentSchemas.Installed), n == current))
                .ToList();
        }

        /// <summary>
        /// Makes <paramref name="generation"/> the one that serves, in one rename of the stable link. A venv made in place
        /// by an earlier CodeEnv is exchanged for the link in one step where the kernel can, then retired.
        /// </summary>
        public void SwitchTo(string name, int generation)
        {
            var stable = paths.VenvFolder(name);
            var lastUsed = LastStarted(stable);
            var entry = paths.GenerationEntry(name, generation);
            StableEntryPoints.Write(paths.GenerationFolder(name, generation), entry);
            if (lastUsed != null)
            {
                // The stable entry point's access time is the env's LastUsed: a switch is not a use.
                File.SetLastAccessTimeUtc(VenvLayout.Python(entry), lastUsed.Value.UtcDateTime);
            }

            var link = Path.Combine(paths.EnvFolder(name), ".venv." + Guid.NewGuid().ToString("N") + ".link");
            UnixLinks.CreateSymbolicLink(link, "venvs/" + generation.ToString(CultureInfo.InvariantCulture) + ".entry");

            if (Directory.Exists(stable) && UnixLinks.ReadSymbolicLink(stable) == null)
            {
                RetireInPlaceVenv(name, stable, link);
                return;
            }

            if (!UnixLinks.TryRename(link, stable))
            {
                var errno = System.Runtime.InteropServices.Marshal.GetLastWin32Error();
                File.Delete(link);
                throw new IOException($"Could not switch '{stable}' to generation {generation} (errno {errno}).");
            }
        }

        /// <summary>
        /// Removes what no longer serves: generations beyond the newest <paramref name="keep"/> besides the current one,
        /// and anything of a build that never completed. Each goes to the trash first, so a removal cut short blocks nothing.
        /// Returns the generations that stay.
        /// </summary>
        public IReadOnlyList<KeptVenv> Prune(string name, int keep)
        {
            var current = Current(name);
            var complete = Kept(name);
            var staying = complete.Where(k => k.IsCurrent).Concat(complete.Where(k => !k.IsCurrent).Take(Math.Max(0, keep))).ToList();
            var kept = new HashSet<int>(staying.Select(k => k.Generation));
            if (current != null)
            {
                kept.Add(current.Value);
            }

            foreach (var entry in Entries(name).Where(e => !kept.Contains(e.Generation)).OrderBy(e => e.Path.EndsWith(".installed.json", StringComparison.Ordinal) ? 1 : 0))
            {
                // The record goes last: a folder without one is an incomplete build, which the next sweep removes.
                Delete(name, entry.Path);
            }

            return staying;
        }

        /// <summary>
        /// What a killed build or switch left: generation folders without their record (never switched to) and a stable
        /// link not yet renamed into place. Returns what went.
        /// </summary>
        public IReadOnlyList<string> SweepIncomplete(string name)
        {
            var removed = new List<string>();
            var current = Current(name);
            var complete = new HashSet<int>(Kept(name).Select(k => k.Generation));
            foreach (var entry in Entries(name).Where(e => e.Generation != current && !complete.Contains(e.Generation)).ToList())
            {
                Delete(name, entry.Path);
                removed.Add(entry.Path);
            }

            var envFolder = paths.EnvFolder(name);
            foreach (var link in Directory.Exists(envFolder) ? Directory.GetFileSystemEntries(envFolder, ".venv.*.link") : new string[0])
            {
                File.Delete(link);
                removed.Add(link);
            }

            return removed;
        }

        /// <summary>The bytes of the current venv and of the kept ones, as their records say (measured when each was built).</summary>
        public static (long Current, long Kept) DiskUse(IEnumerable<KeptVenv> generations)
        {
            long current = 0, kept = 0;
            foreach (var venv in generations)
            {
                if (venv.IsCurrent)
                {
                    current = venv.Installed.VenvSizeBytes;
                }
                else
                {
                    kept += venv.Installed.VenvSizeBytes;
                }
            }

            return (current, kept);
        }

        /// <summary>The bytes of the files under <paramref name="folder"/>, links not followed.</summary>
        public static long SizeOf(string folder)
        {
            long total = 0;
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                {
                    continue;
                }

                total += entry is DirectoryInfo directory ? SizeOf(directory.FullName) : ((FileInfo)entry).Length;
            }

            return total;
        }

        /// <summary>When the env's python was last started through its stable path: the access time of the file every start reads.</summary>
        public static DateTimeOffset? LastStarted(string stableVenv)
        {
            // A generation's entry script is read by every start through the stable path; a venv made in place reads its pyvenv.cfg.
            // One stat: a missing file reads as 1601-01-01, the file-time epoch.
            var accessed = File.GetLastAccessTimeUtc(StableVenvLink.GenerationOf(stableVenv) == null ? VenvLayout.Config(stableVenv) : VenvLayout.Python(stableVenv));
            return accessed.Year <= 1601 ? (DateTimeOffset?)null : new DateTimeOffset(accessed, TimeSpan.Zero);
        }

        private void RetireInPlaceVenv(string name, string stable, string link)
        {
            string retired;
            if (UnixLinks.TryExchange(link, stable))
            {
                retired = trash.TakeVenv(name, link);
            }
            else
            {
                // No exchange here: for a moment between the two renames the stable path does not exist.
                retired = trash.TakeVenv(name, stable);
                if (!UnixLinks.TryRename(link, stable))
                {
                    throw new IOException($"Could not put the stable link in place at '{stable}' (errno {System.Runtime.InteropServices.Marshal.GetLastWin32Error()}).");
                }
            }

            Trash.Empty(retired);
        }

        private void Delete(string name, string path)
        {
            if (File.Exists(path) || UnixLinks.ReadSymbolicLink(path) != null)
            {
                File.Delete(path);
                return;
            }

            Trash.Empty(trash.TakeVenv(name, path));
        }

        private IEnumerable<int> Numbers(string name) => Entries(name).Select(e => e.Generation);

        private IEnumerable<(int Generation, string Path)> Entries(string name)
        {
            var folder = paths.GenerationsFolder(name);
            if (!Directory.Exists(folder))
            {
                yield break;
            }

            foreach (var path in Directory.EnumerateFileSystemEntries(folder))
            {
                var match = GenerationName.Match(Path.GetFileName(path));
                if (match.Success)
                {
                    yield return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), path);
                }
            }
        }
    }
}
