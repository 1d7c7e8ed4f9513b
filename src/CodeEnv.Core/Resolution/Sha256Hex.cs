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

        public static string OfFile(string path)
        {
            using (var sha = SHA256.Create())
            using (var stream = File.OpenRead(path))
            {
                return Hex(sha.ComputeHash(stream));
            }
        }

        private static string Hex(byte[] hash) => string.Concat(hash.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
