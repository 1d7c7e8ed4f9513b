namespace CodeEnv.Integrity
{
    /// <summary>One file that is not what its record says: where it is, and the digests expected and found (hex; null when there is none).</summary>
    internal sealed class FileDifference
    {
        public FileDifference(FileFindingKind kind, string package, string path, string? expected, string? actual)
        {
            Kind = kind;
            Package = package;
            Path = path;
            Expected = expected;
            Actual = actual;
        }

        public FileFindingKind Kind { get; }

        /// <summary>The distribution, "name version".</summary>
        public string Package { get; }

        public string Path { get; }

        public string? Expected { get; }

        public string? Actual { get; }
    }
}
