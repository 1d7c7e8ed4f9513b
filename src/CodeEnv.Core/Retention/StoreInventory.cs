using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Retention
{
    /// <summary>
    /// What a package store holds, one <see cref="StoreItem"/> per stored wheel, in a stable order (name, version, sha256).
    /// Each item's size is its wheel file, its tree and its compiled modules, every inode counted once across the whole
    /// listing (the first item that holds it counts it), so the sizes of a listing add up to the bytes of the store's
    /// wheels on disk however their files are linked. Staging (tmp/) and the interpreters' install schemes are no wheel's.
    /// </summary>
    internal static class StoreInventory
    {
        public static IReadOnlyList<StoreItem> Read(PackageStore store, StoreUsage usage, string root)
        {
            var counted = new HashSet<(ulong, ulong)>();
            var items = new List<StoreItem>();
            foreach (var wheel in Wheels(store))
            {
                var bytecode = Path.Combine(store.BytecodeFolder, wheel.Sha256);
                var size = SizeOf(Path.GetDirectoryName(wheel.Path)!, counted)
                    + SizeOf(Path.Combine(store.TreesFolder, wheel.Sha256), counted)
                    + SizeOf(bytecode, counted);
                var tags = Directory.Exists(bytecode) ? Directory.GetDirectories(bytecode).Select(Path.GetFileName).OrderBy(t => t, StringComparer.Ordinal).ToList() : new List<string>();
                items.Add(new StoreItem(wheel.Name, wheel.Version, wheel.Sha256, wheel.FileName, size, tags, usage.UsersOf(wheel.Sha256), root));
            }

            return items;
        }

        /// <summary>The bytes of the files under <paramref name="folder"/> not counted yet; links not followed, a folder that vanished is empty.</summary>
        internal static long SizeOf(string folder, HashSet<(ulong, ulong)> counted)
        {
            long total = 0;
            try
            {
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
                {
                    if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
                    {
                        continue;
                    }

                    if (entry is DirectoryInfo directory)
                    {
                        total += SizeOf(directory.FullName, counted);
                    }
                    else if (Inode.Of(entry.FullName) is var inode && (inode == null || counted.Add(inode.Value)))
                    {
                        total += ((FileInfo)entry).Length;
                    }
                }
            }
            catch (Exception e) when (e is DirectoryNotFoundException || e is FileNotFoundException)
            {
                // Removed by a prune while it was read: it holds nothing now.
            }

            return total;
        }

        private static StoredWheel? Find(PackageStore store, string sha256)
        {
            try
            {
                return store.Find(sha256);
            }
            catch (DirectoryNotFoundException)
            {
                return null; // removed by a prune between the listing and the look
            }
        }

        private static IEnumerable<StoredWheel> Wheels(PackageStore store)
        {
            var artifacts = Directory.Exists(store.ArtifactsFolder) ? Directory.GetDirectories(store.ArtifactsFolder) : new string[0];
            return artifacts
                .Select(folder => Find(store, Path.GetFileName(folder)))
                .Where(wheel => wheel != null)
                .Select(wheel => wheel!)
                .OrderBy(w => w.Name, StringComparer.Ordinal)
                .ThenBy(w => w.Version, StringComparer.Ordinal)
                .ThenBy(w => w.Sha256, StringComparer.Ordinal);
        }
    }
}
