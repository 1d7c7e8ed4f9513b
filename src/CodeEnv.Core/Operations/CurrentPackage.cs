using System.Collections.Generic;

namespace CodeEnv.Operations
{
    /// <summary>A distribution the env serves now: as its venv has it, and the file its lock says it came from.</summary>
    internal sealed class CurrentPackage
    {
        public CurrentPackage(InstalledPackage package, IReadOnlyList<string> requires, LockedArtifact? artifact)
        {
            Package = package;
            Requires = requires;
            Artifact = artifact;
        }

        public InstalledPackage Package { get; }

        /// <summary>Its Requires-Dist lines.</summary>
        public IReadOnlyList<string> Requires { get; }

        public LockedArtifact? Artifact { get; }
    }
}
