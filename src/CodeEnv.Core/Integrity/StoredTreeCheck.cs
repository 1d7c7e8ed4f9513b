using System.Collections.Generic;
using System.IO;
using CodeEnv.Wheels;

namespace CodeEnv.Integrity
{
    /// <summary>
    /// Whether a stored tree is still what its wheel held: each file hashed against its RECORD digest. Unpacking checked
    /// them once, and the files are read-only since; only someone who may change the store's owner's files (root, the
    /// service account) can change one, and every venv linking it then runs the changed file. Hashes every byte: the
    /// costly half of Test-CodeEnv -VerifyFiles.
    /// </summary>
    internal static class StoredTreeCheck
    {
        public static IReadOnlyList<FileDifference> Run(StoredTree tree)
        {
            var differences = new List<FileDifference>();
            var package = tree.Name + " " + tree.Version;
            foreach (var row in tree.Record)
            {
                var digest = RecordDigest.Parse(row.Hash);
                if (digest == null)
                {
                    continue; // RECORD itself, and signatures, carry no digest
                }

                var file = Path.Combine(tree.Folder, row.Path.Replace('/', Path.DirectorySeparatorChar));
                if (!File.Exists(file))
                {
                    differences.Add(new FileDifference(FileFindingKind.StoreChanged, package, file, digest.Hex, null));
                    continue;
                }

                var actual = digest.Of(file);
                if (actual != digest.Hex)
                {
                    differences.Add(new FileDifference(FileFindingKind.StoreChanged, package, file, digest.Hex, actual));
                }
            }

            return differences;
        }
    }
}
