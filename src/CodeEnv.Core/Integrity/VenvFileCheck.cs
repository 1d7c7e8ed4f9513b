using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Integrity
{
    /// <summary>
    /// Compares every distribution's files in a venv with what was installed. A distribution installed from a stored tree
    /// is compared with the tree: a file that is the tree's own inode (a hard link) passes with a stat, a copy is hashed
    /// against the tree's RECORD digest (the venv's RECORD could have been edited with the file), a compiled module against
    /// the store's bytecode. Any other distribution is compared with its own RECORD's digests, and one without digests is
    /// unverifiable. Files in a distribution's folders that no RECORD lists are extra, compiled modules aside: Python
    /// writes those itself where it may. The linked files' content is the store's, checked by <see cref="StoredTreeCheck"/>.
    /// </summary>
    internal static class VenvFileCheck
    {
        /// <param name="treeOf">The stored tree a distribution was installed from, by its normalized name; null for one pip installed.</param>
        /// <param name="seeded">Whether a distribution (by normalized name) came with the venv's seed, whose scripts outside
        /// site-packages are rewritten for each venv's path after their RECORD was written: those are not compared.</param>
        public static IReadOnlyList<FileDifference> Run(string venv, Func<string, StoredTree?> treeOf, PackageStore store, Func<string, bool>? seeded = null)
        {
            var differences = new List<FileDifference>();
            foreach (var site in InstalledPackageReader.SitePackages(venv).Select(Path.GetFullPath))
            {
                var listed = new HashSet<string>(StringComparer.Ordinal);
                var owners = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var distInfo in Directory.GetDirectories(site, "*.dist-info").OrderBy(d => d, StringComparer.Ordinal))
                {
                    CheckDistribution(site, distInfo, treeOf, seeded ?? (_ => false), store, listed, owners, differences);
                }

                foreach (var owner in owners.OrderBy(o => o.Key, StringComparer.Ordinal))
                {
                    var top = Path.Combine(site, owner.Key);
                    if (!Directory.Exists(top))
                    {
                        continue;
                    }

                    foreach (var file in Directory.EnumerateFiles(top, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                    {
                        if (!listed.Contains(file) && !IsCompiled(file))
                        {
                            differences.Add(new FileDifference(FileFindingKind.Extra, owner.Value, file, null, Hex(file)));
                        }
                    }
                }
            }

            return differences;
        }

        private static void CheckDistribution(string site, string distInfo, Func<string, StoredTree?> treeOf, Func<string, bool> seeded, PackageStore store, HashSet<string> listed, Dictionary<string, string> owners, List<FileDifference> differences)
        {
            var folderName = Path.GetFileName(distInfo);
            var stem = folderName.Substring(0, folderName.Length - ".dist-info".Length);
            var dash = stem.LastIndexOf('-');
            var name = dash > 0 ? stem.Substring(0, dash) : stem;
            var package = dash > 0 ? name + " " + stem.Substring(dash + 1) : stem;
            var record = Path.Combine(distInfo, "RECORD");
            if (!File.Exists(record))
            {
                differences.Add(new FileDifference(FileFindingKind.Unverifiable, package, distInfo, null, null));
                return;
            }

            // Only the tree of this very version: a distribution changed outside CodeEnv is drift, checked by its RECORD.
            var tree = treeOf(PackageName.Normalize(name));
            if (tree != null && !string.Equals(tree.DistInfo, folderName, StringComparison.Ordinal))
            {
                tree = null;
            }

            package = tree == null ? package : tree.Name + " " + tree.Version;
            var rewritten = tree == null && seeded(PackageName.Normalize(name));
            var treeRows = tree?.Record.Where(r => r.Hash.Length > 0).GroupBy(r => r.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Hash, StringComparer.Ordinal);
            HashSet<(ulong, ulong)>? treeInodes = null;
            var digests = 0;
            foreach (var row in RecordFile.Parse(File.ReadAllText(record, Encoding.UTF8)))
            {
                var file = Path.GetFullPath(Path.Combine(site, Native(row.Path)));
                listed.Add(file);
                var inSite = file.StartsWith(site + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if (inSite && !owners.ContainsKey(TopOf(row.Path)))
                {
                    owners[TopOf(row.Path)] = package;
                }

                if (!inSite && rewritten)
                {
                    continue;
                }

                if (IsCompiled(file))
                {
                    if (tree != null)
                    {
                        CheckCompiled(store, tree, package, row.Path, file, differences);
                    }

                    continue;
                }

                // A file the tree holds at the same path is the tree's, whatever the venv's RECORD now says of it.
                var expected = treeRows != null && treeRows.TryGetValue(row.Path, out var stored) ? stored : row.Hash;
                var digest = RecordDigest.Parse(expected);
                if (digest == null)
                {
                    continue;
                }

                digests++;
                if (!File.Exists(file))
                {
                    differences.Add(new FileDifference(FileFindingKind.Missing, package, file, digest.Hex, null));
                    continue;
                }

                if (tree != null)
                {
                    var inode = Inode.Of(file);
                    if (inode != null && treeRows!.ContainsKey(row.Path) && inode == Inode.Of(Path.Combine(tree.Folder, Native(row.Path))))
                    {
                        continue;
                    }

                    treeInodes ??= InodesOf(tree.Folder);
                    if (inode != null && !treeRows!.ContainsKey(row.Path) && treeInodes.Contains(inode.Value))
                    {
                        continue;
                    }
                }

                var actual = digest.Of(file);
                if (actual != digest.Hex)
                {
                    differences.Add(new FileDifference(FileFindingKind.Changed, package, file, digest.Hex, actual));
                }
            }

            if (digests == 0)
            {
                differences.Add(new FileDifference(FileFindingKind.Unverifiable, package, distInfo, null, null));
            }
        }

        // A compiled module the store compiled for the tree (bytecode/<sha>/<tag>/<path>): the same inode, or the same bytes.
        private static void CheckCompiled(PackageStore store, StoredTree tree, string package, string path, string file, List<FileDifference> differences)
        {
            var fileName = Path.GetFileName(file);
            var parts = fileName.Split('.');
            if (parts.Length < 3 || !File.Exists(file))
            {
                return;
            }

            var stored = Path.Combine(store.Bytecode(tree, parts[parts.Length - 2]), Native(path));
            if (!File.Exists(stored) || Inode.Of(stored) == Inode.Of(file))
            {
                return;
            }

            var expected = Hex(stored);
            var actual = Hex(file);
            if (expected != actual)
            {
                differences.Add(new FileDifference(FileFindingKind.Changed, package, file, expected, actual));
            }
        }

        private static HashSet<(ulong, ulong)> InodesOf(string folder)
        {
            var inodes = new HashSet<(ulong, ulong)>();
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (Inode.Of(file) is (ulong, ulong) inode)
                {
                    inodes.Add(inode);
                }
            }

            return inodes;
        }

        private static bool IsCompiled(string file) =>
            file.EndsWith(".pyc", StringComparison.Ordinal) && Path.GetFileName(Path.GetDirectoryName(file)) == "__pycache__";

        private static string TopOf(string path)
        {
            var slash = path.IndexOf('/');
            return slash < 0 ? path : path.Substring(0, slash);
        }

        private static string Hex(string file) => RecordDigest.Of(file, System.Security.Cryptography.HashAlgorithmName.SHA256);

        private static string Native(string path) => path.Replace('/', Path.DirectorySeparatorChar);
    }
}
