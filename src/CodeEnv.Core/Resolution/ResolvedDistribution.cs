using CodeEnv.Licenses;

namespace CodeEnv.Resolution
{
    /// <summary>One distribution of a resolved set: what to install, from which file, and why.</summary>
    public sealed class ResolvedDistribution
    {
        public ResolvedDistribution(string name, string version, string? fileName, string? location, string? sha256, bool requested, bool alreadyInstalled, DistributionLicense? license = null)
        {
            License = license;
            Name = name;
            Version = version;
            FileName = fileName;
            Location = location;
            Sha256 = sha256;
            Requested = requested;
            AlreadyInstalled = alreadyInstalled;
        }

        /// <summary>The PEP 503 name.</summary>
        public string Name { get; }

        /// <summary>The version, normalized.</summary>
        public string Version { get; }

        /// <summary>The chosen file's name; null for a distribution kept as installed.</summary>
        public string? FileName { get; }

        /// <summary>Where the file is: a local path, or its URL (without credentials); null for one kept as installed.</summary>
        public string? Location { get; }

        /// <summary>The file's sha256 (lower-case hex) where known: given by its page, or computed for a local file.</summary>
        public string? Sha256 { get; }

        /// <summary>Whether a requirement line names it (rather than only another distribution's dependencies).</summary>
        public bool Requested { get; }

        /// <summary>Whether the env already has this version (an incremental resolution kept it).</summary>
        public bool AlreadyInstalled { get; }

        /// <summary>What the chosen file's metadata declares of its license; null for one kept as installed (its stored METADATA says).</summary>
        public DistributionLicense? License { get; }

        public override string ToString() => $"{Name}=={Version}";
    }
}
