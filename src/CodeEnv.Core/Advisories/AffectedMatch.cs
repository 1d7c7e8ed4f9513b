using System.Collections.Generic;
using CodeEnv.Requirements;

namespace CodeEnv.Advisories
{
    /// <summary>That an installed version is affected by one advisory's entry: the fixes the entry names, and the first one above that version.</summary>
    public sealed class AffectedMatch
    {
        public AffectedMatch(IReadOnlyList<string> fixedVersions, PackageVersion? firstFixed)
        {
            FixedVersions = fixedVersions;
            FirstFixed = firstFixed;
        }

        /// <summary>Every fixed version of the entry's PyPI ranges, lowest first, as the advisory wrote them.</summary>
        public IReadOnlyList<string> FixedVersions { get; }

        /// <summary>The fix that ends the affected stretch the installed version is in; null where the advisory names none (last_affected, or a versions list only).</summary>
        public PackageVersion? FirstFixed { get; }
    }
}
