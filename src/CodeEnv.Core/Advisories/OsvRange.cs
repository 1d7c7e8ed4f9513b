using System.Collections.Generic;

namespace CodeEnv.Advisories
{
    /// <summary>One range of an affected package: its type (ECOSYSTEM for PyPI versions; GIT and SEMVER ranges are not PEP 440) and its events.</summary>
    public sealed class OsvRange
    {
        public OsvRange(string type, IReadOnlyList<OsvEvent> events)
        {
            Type = type;
            Events = events;
        }

        public string Type { get; }

        public IReadOnlyList<OsvEvent> Events { get; }

        /// <summary>Ranges in PyPI's own versions, which PEP 440 orders; the others describe commits or semver and are read through the versions list.</summary>
        public bool IsEcosystem => Type == "ECOSYSTEM";
    }
}
