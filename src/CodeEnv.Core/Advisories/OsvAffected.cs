using System.Collections.Generic;

namespace CodeEnv.Advisories
{
    /// <summary>One entry of an advisory's "affected" list: the package (its PyPI name normalized, PEP 503), its ranges and its explicit versions.</summary>
    public sealed class OsvAffected
    {
        public OsvAffected(string ecosystem, string packageName, IReadOnlyList<OsvRange> ranges, IReadOnlyList<string> versions, IReadOnlyList<string> severity)
        {
            Ecosystem = ecosystem;
            PackageName = packageName;
            Ranges = ranges;
            Versions = versions;
            Severity = severity;
        }

        public string Ecosystem { get; }

        /// <summary>Normalized (PEP 503): advisories spell names as their authors did ("Django", "jinja2").</summary>
        public string PackageName { get; }

        public IReadOnlyList<OsvRange> Ranges { get; }

        /// <summary>Versions the advisory lists one by one; each is affected whatever the ranges say.</summary>
        public IReadOnlyList<string> Versions { get; }

        /// <summary>Severity given for this package only (the entry's own "severity"), as written.</summary>
        public IReadOnlyList<string> Severity { get; }

        public bool IsPyPI => Ecosystem == "PyPI";
    }
}
