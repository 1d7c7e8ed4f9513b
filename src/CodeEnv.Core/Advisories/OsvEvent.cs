using CodeEnv.Requirements;

namespace CodeEnv.Advisories
{
    /// <summary>One event of an OSV range: its kind, the version as the advisory wrote it, and that version parsed (PEP 440), or null where it does not parse.</summary>
    public sealed class OsvEvent
    {
        public OsvEvent(OsvEventKind kind, string version)
        {
            Kind = kind;
            Version = version;
            IsZero = kind == OsvEventKind.Introduced && version == "0";
            Parsed = IsZero ? null : PackageVersion.TryParse(version, out var parsed) ? parsed : null;
        }

        public OsvEventKind Kind { get; }

        public string Version { get; }

        /// <summary>introduced "0": before every version, whatever the ecosystem's first version is.</summary>
        public bool IsZero { get; }

        public PackageVersion? Parsed { get; }

        /// <summary>Whether the version can be compared: "0", or a PEP 440 version.</summary>
        public bool IsComparable => IsZero || Parsed != null;

        public override string ToString() => $"{Kind} {Version}";
    }
}
