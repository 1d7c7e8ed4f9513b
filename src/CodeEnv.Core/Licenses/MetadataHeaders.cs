using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv.Licenses
{
    /// <summary>
    /// The headers of a distribution's core metadata (METADATA, PKG-INFO), read as pip reads them: email headers up to
    /// the first empty line, a line starting with white space continuing the one before. A continued value keeps its line
    /// breaks, since a License field may hold a whole license text.
    /// </summary>
    internal sealed class MetadataHeaders
    {
        private readonly List<KeyValuePair<string, string>> headers;

        private MetadataHeaders(List<KeyValuePair<string, string>> headers)
        {
            this.headers = headers;
        }

        public static MetadataHeaders Parse(string text)
        {
            var headers = new List<KeyValuePair<string, string>>();
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.Length == 0)
                {
                    break;
                }

                if ((line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
                {
                    var last = headers[headers.Count - 1];
                    headers[headers.Count - 1] = new KeyValuePair<string, string>(last.Key, last.Value + "\n" + line.Trim());
                    continue;
                }

                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    headers.Add(new KeyValuePair<string, string>(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
                }
            }

            return new MetadataHeaders(headers);
        }

        /// <summary>Every value of a header, in the file's order (header names compare ignoring case).</summary>
        public IReadOnlyList<string> All(string name) =>
            headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

        public string? First(string name) => All(name).FirstOrDefault();
    }
}
