using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Licenses;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// The fields of a distribution's core metadata (a wheel's METADATA, a PEP 658 .metadata file) that choosing needs:
    /// Name, Version, Requires-Python, Requires-Dist and Provides-Extra. The headers are read as email headers, as pip reads
    /// them: up to the first empty line, a line starting with white space continuing the one before.
    /// </summary>
    public sealed class CoreMetadata
    {
        private CoreMetadata(string? name, string? version, string? requiresPython, IReadOnlyList<string> requiresDist, IReadOnlyList<string> providesExtra)
        {
            Name = name;
            Version = version;
            RequiresPython = requiresPython;
            RequiresDist = requiresDist;
            ProvidesExtra = providesExtra;
        }

        public string? Name { get; }

        public string? Version { get; }

        public string? RequiresPython { get; }

        /// <summary>PEP 508 lines; markers may test 'extra'.</summary>
        public IReadOnlyList<string> RequiresDist { get; }

        public IReadOnlyList<string> ProvidesExtra { get; }

        /// <summary>What the metadata declares of the license, for the root's allow list before anything is fetched.</summary>
        public DistributionLicense License { get; private set; } = DistributionLicense.None;

        public static CoreMetadata Parse(string text)
        {
            var headers = new List<(string Name, string Value)>();
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                if (line.Length == 0)
                {
                    break;
                }

                if ((line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
                {
                    var last = headers[headers.Count - 1];
                    headers[headers.Count - 1] = (last.Name, last.Value + " " + line.Trim());
                    continue;
                }

                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    headers.Add((line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
                }
            }

            IReadOnlyList<string> All(string name) => headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
            string? First(string name) => All(name).FirstOrDefault();
            return new CoreMetadata(First("Name"), First("Version"), First("Requires-Python"), All("Requires-Dist"), All("Provides-Extra")) { License = DistributionLicense.FromMetadata(text) };
        }
    }
}
