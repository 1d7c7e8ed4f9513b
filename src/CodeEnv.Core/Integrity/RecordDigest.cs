using System;
using System.IO;
using System.Security.Cryptography;
using CodeEnv.Wheels;

namespace CodeEnv.Integrity
{
    /// <summary>
    /// A RECORD digest ("sha256=" and urlsafe base64) read as its algorithm and lower-case hex, the form findings show so a
    /// reader can compare them with sha256sum; and a file's digest by the same algorithm.
    /// </summary>
    internal sealed class RecordDigest
    {
        private RecordDigest(HashAlgorithmName algorithm, string hex)
        {
            Algorithm = algorithm;
            Hex = hex;
        }

        public HashAlgorithmName Algorithm { get; }

        public string Hex { get; }

        /// <summary>The digest of a RECORD row's hash field; null when it has none or names an algorithm RECORD may not use.</summary>
        public static RecordDigest? Parse(string field)
        {
            var equals = field.IndexOf('=');
            var algorithm = equals > 0 ? RecordHash.Algorithm(field.Substring(0, equals)) : null;
            if (algorithm == null)
            {
                return null;
            }

            var text = field.Substring(equals + 1).Replace('-', '+').Replace('_', '/');
            text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
            try
            {
                return new RecordDigest(algorithm.Value, RecordHash.Hex(Convert.FromBase64String(text)));
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>The hex digest of the file at <paramref name="path"/> by this digest's algorithm.</summary>
        public string Of(string path) => Of(path, Algorithm);

        public static string Of(string path, HashAlgorithmName algorithm)
        {
            using (var hash = IncrementalHash.CreateHash(algorithm))
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }

                return RecordHash.Hex(hash.GetHashAndReset());
            }
        }
    }
}
