using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Advisories
{
    /// <summary>
    /// Whether an installed version is affected by an advisory's entry, with CodeEnv's own PEP 440 order: its explicit
    /// versions, and each ECOSYSTEM range evaluated as the OSV schema says (events in version order; introduced opens a
    /// stretch, fixed closes it at that version, last_affected just after it; "0" is before every version). A version
    /// that does not parse is said in <c>problems</c> and leaves out only what it takes part in.
    /// </summary>
    public static class AffectedVersions
    {
        /// <summary>The match, or null when <paramref name="installed"/> is not affected (or cannot be told: see <paramref name="problems"/>).</summary>
        public static AffectedMatch? Evaluate(OsvAffected entry, string installed, string advisoryId, List<string> problems)
        {
            PackageVersion.TryParse(installed, out var version);
            var ecosystemRanges = entry.Ranges.Where(r => r.IsEcosystem).ToList();
            var fixes = ecosystemRanges.SelectMany(r => r.Events).Where(e => e.Kind == OsvEventKind.Fixed).ToList();
            var fixedVersions = fixes.Where(f => f.Parsed != null).OrderBy(f => f.Parsed).Select(f => f.Version)
                .Concat(fixes.Where(f => f.Parsed == null).Select(f => f.Version))
                .Distinct().ToList();

            var listed = entry.Versions.Any(v => SameVersion(v, installed, version));
            if (version == null)
            {
                if (ecosystemRanges.Count > 0)
                {
                    problems.Add($"{advisoryId}: the installed version '{installed}' of {entry.PackageName} is not a PEP 440 version, so its ranges could not be evaluated; only its versions list was read.");
                }

                return listed ? new AffectedMatch(fixedVersions, null) : null;
            }

            PackageVersion? firstFixed = null;
            var inRange = false;
            foreach (var range in ecosystemRanges)
            {
                var unreadable = range.Events.Where(e => !e.IsComparable).ToList();
                if (unreadable.Count > 0)
                {
                    problems.Add($"{advisoryId}: {string.Join(", ", unreadable.Select(e => $"'{e.Version}'"))} in a range of {entry.PackageName} {(unreadable.Count == 1 ? "is not a PEP 440 version" : "are not PEP 440 versions")}; that range was skipped.");
                    continue;
                }

                var (affected, fix) = InRange(range.Events, version);
                if (affected)
                {
                    inRange = true;
                    if (fix != null && (firstFixed == null || fix < firstFixed))
                    {
                        firstFixed = fix;
                    }
                }
            }

            return inRange || listed ? new AffectedMatch(fixedVersions, firstFixed) : null;
        }

        /// <summary>The OSV schema's evaluation of one range, and the fixed event that ends the stretch <paramref name="version"/> is in.</summary>
        internal static (bool Affected, PackageVersion? Fix) InRange(IReadOnlyList<OsvEvent> events, PackageVersion version)
        {
            // "0" first, then by version; at one version an introduction before its end, so [introduced 1, fixed 1] is empty.
            var ordered = events.OrderBy(e => e.IsZero ? 0 : 1).ThenBy(e => e.Parsed, Comparer<PackageVersion?>.Create(Compare)).ThenBy(e => e.Kind == OsvEventKind.Introduced ? 0 : 1).ToList();
            var limits = ordered.Where(e => e.Kind == OsvEventKind.Limit).ToList();
            if (limits.Count > 0 && limits.All(l => version >= l.Parsed!))
            {
                return (false, null);
            }

            var affected = false;
            foreach (var e in ordered)
            {
                switch (e.Kind)
                {
                    case OsvEventKind.Introduced when e.IsZero || version >= e.Parsed!:
                        affected = true;
                        break;
                    case OsvEventKind.Fixed when version >= e.Parsed!:
                    case OsvEventKind.LastAffected when version > e.Parsed!:
                        affected = false;
                        break;
                }
            }

            if (!affected)
            {
                return (false, null);
            }

            // The stretch ends at the next fixed or last_affected event; only a fixed one names a fix.
            var end = ordered.FirstOrDefault(e => (e.Kind == OsvEventKind.Fixed || e.Kind == OsvEventKind.LastAffected) && e.Parsed! >= version);
            return (true, end != null && end.Kind == OsvEventKind.Fixed ? end.Parsed : null);
        }

        private static bool SameVersion(string listed, string installed, PackageVersion? version) =>
            listed == installed || (version != null && PackageVersion.TryParse(listed, out var parsed) && parsed!.Equals(version));

        private static int Compare(PackageVersion? a, PackageVersion? b) => a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.CompareTo(b);
    }
}
