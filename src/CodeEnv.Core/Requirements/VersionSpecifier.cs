using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CodeEnv.Requirements
{
    /// <summary>
    /// One PEP 440 version clause such as <c>&gt;=1.4</c>, <c>==1.*</c>, <c>~=2.2</c> or <c>===foo</c>, matched as
    /// pypa/packaging matches it. An installed pre-release counts as satisfying (PEP 440: pre-releases already
    /// present are accepted).
    /// </summary>
    public sealed class VersionSpecifier
    {
        private const string PreRelease = @"(?:[-_\.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_\.]?[0-9]*)?";
        private const string PostRelease = @"(?:(?:-[0-9]+)|(?:[-_\.]?(?:post|rev|r)[-_\.]?[0-9]*))?";
        private const string DevRelease = @"(?:[-_\.]?dev[-_\.]?[0-9]*)?";
        private const string Local = @"(?:\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*)?";
        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private static readonly Regex EqualityVersion = new Regex(@"^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*(?:\.\*|" + PreRelease + PostRelease + DevRelease + Local + ")$", Options);
        private static readonly Regex CompatibleVersion = new Regex(@"^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)+" + PreRelease + PostRelease + DevRelease + "$", Options);
        private static readonly Regex OrderingVersion = new Regex(@"^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*" + PreRelease + PostRelease + DevRelease + "$", Options);
        private static readonly Regex ArbitraryVersion = new Regex(@"^[^\s;)]*$", RegexOptions.CultureInvariant);
        private static readonly Regex PreOrDevInSplit = new Regex(@"^([0-9]+)((?:a|b|c|rc)[0-9]+)$", RegexOptions.CultureInvariant);

        private static readonly string[] Operators = { "===", "~=", "==", "!=", "<=", ">=", "<", ">" };

        private VersionSpecifier(string op, string version)
        {
            Operator = op;
            Comparison = ComparisonOf(op);
            Version = version;
            IsPrefixMatch = version.EndsWith(".*", StringComparison.Ordinal);
            // Parsed once here, so matching many candidates never parses the specifier again.
            ParsedVersion = Comparison == VersionComparison.ArbitraryEqual ? null : PackageVersion.Parse(IsPrefixMatch ? version.Substring(0, version.Length - 2) : version);
        }

        /// <summary>The operator as written (==, !=, &lt;=, &gt;=, &lt;, &gt;, ~= or ===).</summary>
        public string Operator { get; }

        /// <summary>The operator, parsed.</summary>
        public VersionComparison Comparison { get; }

        /// <summary>The version text as written after the operator (with a trailing .* for prefix matches).</summary>
        public string Version { get; }

        /// <summary>The version, parsed (without a trailing .*); null for === , which compares text.</summary>
        public PackageVersion? ParsedVersion { get; }

        /// <summary>Whether the version ends in .* (== and != only).</summary>
        public bool IsPrefixMatch { get; }

        public override string ToString() => Operator + Version;

        public static VersionSpecifier Parse(string text) =>
            TryParse(text, out var specifier, out var problem) ? specifier! : throw new FormatException(problem);

        public static bool TryParse(string text, out VersionSpecifier? specifier, out string problem)
        {
            specifier = null;
            var trimmed = text.Trim();
            var op = Operators.FirstOrDefault(o => trimmed.StartsWith(o, StringComparison.Ordinal));
            if (op == null)
            {
                problem = $"'{trimmed}' does not start with a version operator (==, !=, <=, >=, <, >, ~= or ===)";
                return false;
            }

            var version = trimmed.Substring(op.Length).Trim();
            // === takes any string, even an empty one (which no version equals), as packaging accepts it.
            if (version.Length == 0 && op != "===")
            {
                problem = $"'{trimmed}' has no version after '{op}'";
                return false;
            }

            var valid = op == "==="
                ? ArbitraryVersion.IsMatch(version)
                : version.All(c => c <= 0x7F) && (op == "==" || op == "!=" ? EqualityVersion : op == "~=" ? CompatibleVersion : OrderingVersion).IsMatch(version);
            if (!valid)
            {
                problem = $"'{version}' is not a valid version for '{op}'" + Hint(op);
                return false;
            }

            specifier = new VersionSpecifier(op, version);
            problem = "";
            return true;
        }

        private static string Hint(string op)
        {
            switch (op)
            {
                case "~=": return " (~= needs at least two release numbers, such as ~=1.4, and no local version or .*)";
                case "==":
                case "!=": return " (a .* suffix may only follow release numbers, such as ==1.4.*)";
                default: return " (ordering comparisons take no local version and no .*)";
            }
        }

        public bool Contains(PackageVersion candidate)
        {
            switch (Comparison)
            {
                // Arbitrary equality compares text as written, not normalized: ===1.01 matches "1.01" only.
                case VersionComparison.ArbitraryEqual: return string.Equals(candidate.Text, Version, StringComparison.OrdinalIgnoreCase);
                case VersionComparison.Equal: return Equal(candidate, Version);
                case VersionComparison.NotEqual: return !Equal(candidate, Version);
                case VersionComparison.Compatible: return Compatible(candidate, Version);
                case VersionComparison.LessOrEqual: return candidate.Public <= ParsedVersion!;
                case VersionComparison.GreaterOrEqual: return candidate.Public >= ParsedVersion!;
                case VersionComparison.Less: return LessThan(candidate, ParsedVersion!);
                case VersionComparison.Greater: return GreaterThan(candidate, ParsedVersion!);
                default: throw new InvalidOperationException("Unknown operator " + Operator);
            }
        }

        private static VersionComparison ComparisonOf(string op)
        {
            switch (op)
            {
                case "===": return VersionComparison.ArbitraryEqual;
                case "==": return VersionComparison.Equal;
                case "!=": return VersionComparison.NotEqual;
                case "~=": return VersionComparison.Compatible;
                case "<=": return VersionComparison.LessOrEqual;
                case ">=": return VersionComparison.GreaterOrEqual;
                case "<": return VersionComparison.Less;
                default: return VersionComparison.Greater;
            }
        }

        private static bool Equal(PackageVersion candidate, string spec)
        {
            if (spec.EndsWith(".*", StringComparison.Ordinal))
            {
                var wanted = Split(PackageVersion.Parse(spec.Substring(0, spec.Length - 2)).ToString());
                var actual = Split(candidate.Public.ToString());
                var padded = PadRelease(actual, wanted);
                return padded.Take(wanted.Count).SequenceEqual(wanted);
            }

            var specVersion = PackageVersion.Parse(spec);
            var compared = specVersion.Local == null ? candidate.Public : candidate;
            // 1.0 equals 1.0.0; a spec without a local part ignores the candidate's (==1.0 matches 1.0+build5).
            return compared.Equals(specVersion);
        }

        private static bool Compatible(PackageVersion candidate, string spec)
        {
            var parts = Split(PackageVersion.Parse(spec).ToString());
            var release = parts.TakeWhile(p => !IsSuffix(p)).ToList();
            var prefix = release[0] + "!" + string.Join(".", release.Skip(1).Take(release.Count - 2)) + ".*";
            return candidate.Public >= PackageVersion.Parse(spec) && Equal(candidate, prefix);
        }

        private static bool LessThan(PackageVersion candidate, PackageVersion spec)
        {
            if (!(candidate < spec))
            {
                return false;
            }

            // <3.0 must not admit 3.0rc1, a pre-release of the bound itself; <3.0.post1 does admit 3.0rc1 (a
            // pre-release of 3.0, not of 3.0.post1) but not 3.0.post1.dev2. A pre-release bound admits them all.
            if (spec.IsPrerelease || !candidate.IsPrerelease)
            {
                return true;
            }

            var sameRelease = candidate.BaseVersion.Equals(spec.BaseVersion);
            return spec.IsPostrelease
                ? !(sameRelease && candidate.PreLabel == null && candidate.Post == spec.Post)
                : !sameRelease;
        }

        private static bool GreaterThan(PackageVersion candidate, PackageVersion spec)
        {
            if (!(candidate > spec))
            {
                return false;
            }

            // >1.7 must not admit 1.7.post1 or 1.7+local: they are the bound itself, released again or built locally.
            // >1.7a1 does admit 1.7.post1, which is not a post-release of 1.7a1.
            var postOfBound = candidate.IsPostrelease && spec.Post == null && spec.Dev == null
                && candidate.BaseVersion.Equals(spec.BaseVersion) && candidate.PreLabel == spec.PreLabel && candidate.PreNumber == spec.PreNumber;
            var localOfBound = candidate.Local != null && candidate.Public.Equals(spec);
            return !postOfBound && !localOfBound;
        }

        private static bool IsSuffix(string segment) =>
            new[] { "dev", "a", "b", "rc", "post" }.Any(p => segment.StartsWith(p, StringComparison.Ordinal));

        // "1!2.0rc1" -> ["1", "2", "0", "rc1"]: the epoch first, then release numbers, pre/post/dev as segments.
        private static List<string> Split(string normalized)
        {
            var bang = normalized.LastIndexOf('!');
            var result = new List<string> { bang < 0 ? "0" : normalized.Substring(0, bang) };
            foreach (var item in normalized.Substring(bang + 1).Split('.'))
            {
                var match = PreOrDevInSplit.Match(item);
                if (match.Success)
                {
                    result.Add(match.Groups[1].Value);
                    result.Add(match.Groups[2].Value);
                }
                else
                {
                    result.Add(item);
                }
            }

            return result;
        }

        // Pads the numeric head of the candidate with zeros to the length of the spec's, so 1 matches ==1.0.*.
        private static List<string> PadRelease(List<string> candidate, List<string> spec)
        {
            var candidateHead = candidate.TakeWhile(IsDigits).Count();
            var specHead = spec.TakeWhile(IsDigits).Count();
            var padded = candidate.Take(candidateHead).ToList();
            padded.AddRange(Enumerable.Repeat("0", Math.Max(0, specHead - candidateHead)));
            padded.AddRange(candidate.Skip(candidateHead));
            return padded;
        }

        private static bool IsDigits(string s) => s.Length > 0 && s.All(c => c >= '0' && c <= '9');
    }

    /// <summary>A PEP 440 comparison operator.</summary>
    public enum VersionComparison
    {
        /// <summary>==</summary>
        Equal,
        /// <summary>!=</summary>
        NotEqual,
        /// <summary>&lt;=</summary>
        LessOrEqual,
        /// <summary>&gt;=</summary>
        GreaterOrEqual,
        /// <summary>&lt;</summary>
        Less,
        /// <summary>&gt;</summary>
        Greater,
        /// <summary>~=</summary>
        Compatible,
        /// <summary>===</summary>
        ArbitraryEqual,
    }
}
