using CodeEnv.Licenses;

namespace CodeEnv.Sbom
{
    /// <summary>One installed distribution as the SBOM describes it: its lock entry and what its METADATA declares.</summary>
    public sealed class SbomDistribution
    {
        public SbomDistribution(string name, string version, LockedArtifact? artifact, DistributionLicense license)
        {
            Name = name;
            Version = version;
            Artifact = artifact;
            License = license;
        }

        /// <summary>The name as its metadata spells it.</summary>
        public string Name { get; }

        public string Version { get; }

        /// <summary>The file it was installed from, with its sha256; null for the venv's own tooling and pip-installed editables.</summary>
        public LockedArtifact? Artifact { get; }

        public DistributionLicense License { get; }

        public string Purl => PackageUrl.ForPyPI(Name, Version);
    }
}
