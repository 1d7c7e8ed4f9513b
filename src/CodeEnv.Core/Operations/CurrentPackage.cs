using CodeEnv.Python;

namespace CodeEnv.Operations
{
    /// <summary>A distribution the env serves now: as its venv has it, and the file its lock says it came from.</summary>
    internal sealed class CurrentPackage
    {
        public CurrentPackage(InstalledDistribution distribution, LockedArtifact? artifact)
        {
            Distribution = distribution;
            Artifact = artifact;
        }

        public InstalledDistribution Distribution { get; }

        public InstalledPackage Package => Distribution.Package;

        /// <summary>Its Requires-Dist lines.</summary>
        public System.Collections.Generic.IReadOnlyList<string> Requires => Distribution.Requires;

        public LockedArtifact? Artifact { get; }
    }
}
