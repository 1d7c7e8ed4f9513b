using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace CodeEnv.Resolution
{
    /// <summary>sha256 as indexes and pip's report write it: lower-case hex.</summary>
    internal static class Sha256Hex
    {
        public static string Of(byte[] bytes)
        {
            using (var sha = SHA256.Create())
            {
                return Hex(sha.ComputeHash(bytes));
            }
        }

        /// <summary>
        /// The sha256 of a local file, remembered for the life of the process while its length and modification time stay
        /// the same: a find-links folder of gigabyte wheels is read once, not on every install. A stale answer cannot
        /// put unverified bytes into a venv: installs take the file the store holds under this hash, whose bytes were
        /// hashed when they were stored.
        /// </summary>
        public static string OfFile(string path)
        {
            var file = new FileInfo(path);
            var key = (file.Length, file.LastWriteTimeUtc);
            if (Known.TryGetValue(file.FullName, out var known) && known.Key == key)
            {
                return known.Sha256;
            }

            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(path))
            {
                var hex = Hex(sha.ComputeHash(stream));
                Known[file.FullName] = (key, hex);
                return hex;
            }
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ((long, System.DateTime) Key, string Sha256)> Known =
            new System.Collections.Concurrent.ConcurrentDictionary<string, ((long, System.DateTime), string)>(System.StringComparer.Ordinal);

        private static string Hex(byte[] hash) => Wheels.RecordHash.Hex(hash);
    }
}
