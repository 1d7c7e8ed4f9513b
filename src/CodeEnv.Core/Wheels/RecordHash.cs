using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// The digests a RECORD holds (<c>sha256=</c> and the urlsafe base64 of the digest without padding, PEP 376/427) and the
    /// store's own names (lower-case hex sha256).
    /// </summary>
    internal static class RecordHash
    {
        /// <summary>A RECORD digest of <paramref name="bytes"/>: "sha256=..." as pip writes it.</summary>
        public static string Of(byte[] bytes)
        {
            using (var sha = SHA256.Create())
            {
                return "sha256=" + UrlSafe(sha.ComputeHash(bytes));
            }
        }

        /// <summary>A RECORD digest of a file's content, and its size.</summary>
        public static (string Digest, long Size) OfFile(string path)
        {
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            using (var sha = SHA256.Create())
            {
                return ("sha256=" + UrlSafe(sha.ComputeHash(file)), file.Length);
            }
        }

        /// <summary>The algorithms a RECORD may name: sha256 or stronger (the spec refuses md5 and sha1).</summary>
        public static HashAlgorithmName? Algorithm(string name)
        {
            switch (name)
            {
                case "sha256": return HashAlgorithmName.SHA256;
                case "sha384": return HashAlgorithmName.SHA384;
                case "sha512": return HashAlgorithmName.SHA512;
                default: return null;
            }
        }

        public static string UrlSafe(byte[] digest) => Convert.ToBase64String(digest).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static string Hex(byte[] digest)
        {
            var text = new StringBuilder(digest.Length * 2);
            foreach (var b in digest)
            {
                text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }

        /// <summary>Whether <paramref name="text"/> is a store name: 64 lower-case hex digits.</summary>
        public static bool IsSha256Hex(string text)
        {
            if (text.Length != 64)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
