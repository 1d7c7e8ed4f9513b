using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// The rule of a locked install: a file the lock names must have the lock's sha256. Only the same file can be
    /// compared (another platform's wheel of the same version has its own hash); a file that differs is refused.
    /// </summary>
    internal static class ArtifactCheck
    {
        /// <summary>The refusal for the first locked package whose file came with another hash, or null when every file the
        /// lock names and the install fetched matches.</summary>
        /// <param name="locked">The lock's packages.</param>
        /// <param name="fetched">What the install fetched, by normalized name.</param>
        public static CodeEnvException? FirstMismatch(IEnumerable<LockedPackage> locked, IReadOnlyDictionary<string, LockedArtifact> fetched)
        {
            foreach (var package in locked.Where(p => p.Artifact != null && p.Artifact.Sha256.Length > 0))
            {
                var expected = package.Artifact!;
                if (fetched.TryGetValue(PackageName.Normalize(package.Name), out var actual)
                    && string.Equals(actual.FileName, expected.FileName, StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(actual.Sha256, expected.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    return Mismatch(package, actual);
                }
            }

            return null;
        }

        public static CodeEnvException Mismatch(LockedPackage package, LockedArtifact actual) => new CodeEnvException(
            ErrorIds.ArtifactHashMismatch,
            $"{package.Name} {package.Version}: the lock expects '{package.Artifact!.FileName}' with sha256 {package.Artifact.Sha256}, but the file fetched from '{actual.Url}' has sha256 {actual.Sha256}. The venv it was fetched into was thrown away and nothing was switched to. The source serves different content under the same name and version: find out why before trusting it; to take the new file deliberately, install without the lock (Update-CodeEnv, or Import-CodeEnv without -Locked).",
            package.Name);
    }
}
