using System.Globalization;
using System.Text;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// The direct_url.json (PEP 610) pip writes for a distribution installed from an archive it was given by URL or path,
    /// byte for byte: Python's json.dumps with sorted keys, non-ASCII escaped, the archive's sha256 as pip records it.
    /// </summary>
    public static class DirectUrl
    {
        /// <summary>The document for an archive at <paramref name="url"/> whose sha256 (hex) is <paramref name="sha256"/>.</summary>
        public static string ForArchive(string url, string sha256) =>
            "{\"archive_info\": {\"hash\": " + Quoted("sha256=" + sha256) + ", \"hashes\": {\"sha256\": " + Quoted(sha256) + "}}, \"url\": " + Quoted(url) + "}";

        /// <summary>The file: URL pip makes of a local path (urllib's pathname2url: every byte but letters, digits, "_.-~/" percent-encoded).</summary>
        public static string FileUrl(string absolutePath)
        {
            var url = new StringBuilder("file://");
            foreach (var b in Encoding.UTF8.GetBytes(absolutePath))
            {
                var c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' || c == '~' || c == '/')
                {
                    url.Append(c);
                }
                else
                {
                    url.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }

            return url.ToString();
        }

        // json.dumps of a str: quotes, backslashes and control characters escaped, everything outside ASCII as \uXXXX.
        private static string Quoted(string text)
        {
            var quoted = new StringBuilder("\"");
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': quoted.Append("\\\""); break;
                    case '\\': quoted.Append("\\\\"); break;
                    case '\n': quoted.Append("\\n"); break;
                    case '\r': quoted.Append("\\r"); break;
                    case '\t': quoted.Append("\\t"); break;
                    case '\b': quoted.Append("\\b"); break;
                    case '\f': quoted.Append("\\f"); break;
                    default:
                        if (c < 0x20 || c > 0x7e)
                        {
                            quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            quoted.Append(c);
                        }

                        break;
                }
            }

            return quoted.Append('"').ToString();
        }
    }
}
