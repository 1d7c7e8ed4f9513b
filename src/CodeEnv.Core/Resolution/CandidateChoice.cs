using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// Which of a project's files pip would try for a set of version specifiers, best first: pip's CandidateEvaluator and
    /// the yanked rule of its resolver, in one place.
    /// <list type="bullet">
    /// <item>The specifiers decide the versions, with PEP 440's rule for pre-releases as packaging applies it: with no
    /// specifier, final releases, or the pre-releases when there is no final one; with specifiers, pre-releases only when
    /// one of them names a pre-release with ==, ===, &gt;=, &lt;= or ~= (then every matching version counts).</item>
    /// <item>Yanked files (PEP 592) are passed over, unless every file left is yanked and a specifier pins a version with
    /// == (not ==X.*) or ===.</item>
    /// <item>Order: a file not yanked before a yanked one, then the higher version, then the better tag rank (any wheel
    /// before an sdist), then a wheel with a build tag before one without (higher first); among files alike, the one found
    /// last.</item>
    /// </list>
    /// </summary>
    public static class CandidateChoice
    {
        public static IReadOnlyList<CandidateFile> Order(IEnumerable<CandidateFile> found, IReadOnlyCollection<VersionSpecifier> specifiers)
        {
            var files = found.ToList();
            var allowed = new HashSet<CandidateFile>(Filter(files, specifiers));
            // A stable sort ascending, then reversed: pip's sorted(...) read from its end, so among equal keys the last found comes first.
            var applicable = files.Select((file, index) => (file, index)).Where(f => allowed.Contains(f.file)).ToList();
            applicable.Sort((a, b) =>
            {
                var order = Compare(a.file, b.file);
                return order != 0 ? order : a.index.CompareTo(b.index);
            });
            var bestFirst = applicable.Select(f => f.file).Reverse().ToList();
            var yankedAllowed = bestFirst.All(f => f.IsYanked) && IsPinned(specifiers);
            return bestFirst.Where(f => yankedAllowed || !f.IsYanked).ToList();
        }

        /// <summary>Whether a specifier pins one version: == without .*, or ===.</summary>
        public static bool IsPinned(IEnumerable<VersionSpecifier> specifiers) =>
            specifiers.Any(s => s.Comparison == VersionComparison.ArbitraryEqual || (s.Comparison == VersionComparison.Equal && !s.IsPrefixMatch));

        /// <summary>Whether one of the specifiers lets pre-releases in (packaging's Specifier.prereleases).</summary>
        public static bool AllowsPrereleases(IEnumerable<VersionSpecifier> specifiers) =>
            specifiers.Any(s =>
                (s.Comparison == VersionComparison.Equal || s.Comparison == VersionComparison.GreaterOrEqual || s.Comparison == VersionComparison.LessOrEqual
                 || s.Comparison == VersionComparison.Compatible || s.Comparison == VersionComparison.ArbitraryEqual)
                && s.ParsedVersion != null && s.ParsedVersion.IsPrerelease);

        // packaging's SpecifierSet.filter(versions, prereleases=None).
        private static IEnumerable<CandidateFile> Filter(IReadOnlyList<CandidateFile> files, IReadOnlyCollection<VersionSpecifier> specifiers)
        {
            if (specifiers.Count == 0)
            {
                var finals = files.Where(f => !f.Version.IsPrerelease).ToList();
                return finals.Count > 0 ? finals : files;
            }

            var prereleases = AllowsPrereleases(specifiers);
            return files.Where(f => (prereleases || !f.Version.IsPrerelease) && specifiers.All(s => s.Contains(f.Version)));
        }

        // Ascending: the better file compares greater.
        private static int Compare(CandidateFile a, CandidateFile b)
        {
            var order = (a.IsYanked ? -1 : 0).CompareTo(b.IsYanked ? -1 : 0);
            if (order == 0)
            {
                order = a.Version.CompareTo(b.Version);
            }

            if (order == 0)
            {
                // A lower rank is better; an sdist ranks below every wheel.
                order = -(a.TagRank ?? int.MaxValue).CompareTo(b.TagRank ?? int.MaxValue);
            }

            if (order == 0)
            {
                var buildA = a.Wheel?.BuildTagOrder;
                var buildB = b.Wheel?.BuildTagOrder;
                order = buildA == null || buildB == null
                    ? (buildA != null).CompareTo(buildB != null)
                    : buildA.Value.Number != buildB.Value.Number ? buildA.Value.Number.CompareTo(buildB.Value.Number) : string.CompareOrdinal(buildA.Value.Text, buildB.Value.Text);
            }

            return order;
        }
    }
}
