using System.Text;

namespace CodeEnv.Sbom
{
    /// <summary>
    /// Package URLs (purl) of Python distributions: <c>pkg:pypi/name@version</c>, the name lower-cased with '_' as '-'
    /// (the purl spec's pypi rule), name and version percent-encoded where a character is not one a purl keeps as is.
    /// </summary>
    public static class PackageUrl
    {
        public static string ForPyPI(string name, string version) => "pkg:pypi/" + Encode(name.ToLowerInvariant().Replace('_', '-')) + "@" + Encode(version);

        // Unreserved characters stay; everything else (a local version's '+', say) is its UTF-8 bytes percent-encoded.
        private static string Encode(string text)
        {
            var encoded = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                var c = (char)b;
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == '~')
                {
                    encoded.Append(c);
                }
                else
                {
                    encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return encoded.ToString();
        }
    }
}
