using System.Text.RegularExpressions;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// The name and version in a wheel's or sdist's file name, which is all pip reads from a --find-links folder:
    /// name-version(-build)?-python-abi-platform.whl, or name-version.tar.gz (.zip, .tar.bz2, .tar.xz, .tgz).
    /// </summary>
    public static class ArchiveFileName
    {
        private static readonly Regex Wheel = new Regex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?)-(?<version>[^-]+)(-[0-9][^-]*)?-[^-]+-[^-]+-[^-]+\.whl$", RegexOptions.CultureInvariant);
        private static readonly Regex Sdist = new Regex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)-(?<version>[0-9][^-]*?)\.(tar\.gz|zip|tar\.bz2|tar\.xz|tgz)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The PEP 503 name and the PEP 440 version (normalized) of an archive, or false when the name is not one.</summary>
        public static bool TryParse(string fileName, out string name, out string version)
        {
            var match = Wheel.Match(fileName);
            if (!match.Success)
            {
                match = Sdist.Match(fileName);
            }

            name = match.Success ? PackageName.Normalize(match.Groups["name"].Value) : "";
            version = "";
            if (!match.Success || !PackageVersion.TryParse(match.Groups["version"].Value, out var parsed))
            {
                return false;
            }

            version = parsed!.ToString();
            return true;
        }
    }
}
