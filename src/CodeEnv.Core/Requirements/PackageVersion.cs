using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace CodeEnv.Requirements
{
    /// <summary>
    /// A PEP 440 version: parsing (with every alternative spelling PEP 440 allows), normalization and ordering,
    /// as pypa/packaging (the library pip uses) does them. Numbers are unbounded.
    /// </summary>
    public sealed class PackageVersion : IComparable<PackageVersion>, IEquatable<PackageVersion>
    {
        private static readonly Regex Pattern = new Regex(
            @"^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)"
            + @"(?<pre>[-_\.]?(?<pre_l>alpha|a|beta|b|preview|pre|c|rc)[-_\.]?(?<pre_n>[0-9]+)?)?"
            + @"(?<post>(?:-(?<post_n1>[0-9]+))|(?:[-_\.]?(?<post_l>post|rev|r)[-_\.]?(?<post_n2>[0-9]+)?))?"
            + @"(?<dev>[-_\.]?(?<dev_l>dev)[-_\.]?(?<dev_n>[0-9]+)?)?)"
            + @"(?:\+(?<local>[a-z0-9]+(?:[-_\.][a-z0-9]+)*))?\s*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        private PackageVersion(BigInteger epoch, IReadOnlyList<BigInteger> release, string? preLabel, BigInteger preNumber, BigInteger? post, BigInteger? dev, IReadOnlyList<object>? local, string? text = null)
        {
            Epoch = epoch;
            Release = release;
            PreLabel = preLabel;
            PreNumber = preNumber;
            Post = post;
            Dev = dev;
            Local = local;
            Text = text ?? ToString();
        }

        /// <summary>The version as it was written (what === compares).</summary>
        public string Text { get; }

        public BigInteger Epoch { get; }

        public IReadOnlyList<BigInteger> Release { get; }

        /// <summary>a, b or rc; null for no pre-release.</summary>
        public string? PreLabel { get; }

        public BigInteger PreNumber { get; }

        public BigInteger? Post { get; }

        public BigInteger? Dev { get; }

        /// <summary>Local segments: BigInteger for numeric ones, lower-case strings for the rest; null when absent.</summary>
        public IReadOnlyList<object>? Local { get; }

        public bool IsPrerelease => PreLabel != null || Dev != null;

        public bool IsPostrelease => Post != null;

        /// <summary>epoch!release, without pre, post, dev or local parts.</summary>
        public PackageVersion BaseVersion => new PackageVersion(Epoch, Release, null, 0, null, null, null);

        /// <summary>The version without its local part.</summary>
        public PackageVersion Public => new PackageVersion(Epoch, Release, PreLabel, PreNumber, Post, Dev, null);

        public static PackageVersion Parse(string text) =>
            TryParse(text, out var version) ? version! : throw new FormatException($"'{text}' is not a valid PEP 440 version.");

        public static bool TryParse(string? text, out PackageVersion? version)
        {
            version = null;
            // Surrounding white space of any kind is ignored, as Python's str.strip() does. The rest of PEP 440 is
            // ASCII; refusing other characters up front keeps case-insensitive matching from folding look-alikes
            // (the Kelvin sign, dotted capital I) into valid letters.
            var original = text;
            text = text?.Trim();
            if (text == null || text.Any(c => c > 0x7F))
            {
                return false;
            }

            var match = Pattern.Match(text);
            if (!match.Success)
            {
                return false;
            }

            var epoch = match.Groups["epoch"].Success ? BigInteger.Parse(match.Groups["epoch"].Value) : BigInteger.Zero;
            var release = match.Groups["release"].Value.Split('.').Select(BigInteger.Parse).ToList();
            string? preLabel = null;
            var preNumber = BigInteger.Zero;
            if (match.Groups["pre"].Success)
            {
                preLabel = NormalizePreLabel(match.Groups["pre_l"].Value.ToLowerInvariant());
                preNumber = match.Groups["pre_n"].Success ? BigInteger.Parse(match.Groups["pre_n"].Value) : BigInteger.Zero;
            }

            BigInteger? post = null;
            if (match.Groups["post"].Success)
            {
                var number = match.Groups["post_n1"].Success ? match.Groups["post_n1"].Value : match.Groups["post_n2"].Value;
                post = number.Length == 0 ? BigInteger.Zero : BigInteger.Parse(number);
            }

            BigInteger? dev = null;
            if (match.Groups["dev"].Success)
            {
                dev = match.Groups["dev_n"].Success ? BigInteger.Parse(match.Groups["dev_n"].Value) : BigInteger.Zero;
            }

            List<object>? local = null;
            if (match.Groups["local"].Success)
            {
                local = match.Groups["local"].Value.ToLowerInvariant().Split('.', '_', '-')
                    .Select(part => part.All(char.IsDigit) ? (object)BigInteger.Parse(part) : part)
                    .ToList();
            }

            version = new PackageVersion(epoch, release, preLabel, preNumber, post, dev, local, original);
            return true;
        }

        private static string NormalizePreLabel(string label)
        {
            switch (label)
            {
                case "alpha": return "a";
                case "beta": return "b";
                case "c":
                case "pre":
                case "preview":
                    return "rc";
                default: return label;
            }
        }

        /// <summary>The normalized form, as pip prints it: 1.0.0-RC1 becomes 1.0.0rc1.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            if (!Epoch.IsZero)
            {
                text.Append(Epoch).Append('!');
            }

            text.Append(string.Join(".", Release));
            if (PreLabel != null)
            {
                text.Append(PreLabel).Append(PreNumber);
            }

            if (Post != null)
            {
                text.Append(".post").Append(Post.Value);
            }

            if (Dev != null)
            {
                text.Append(".dev").Append(Dev.Value);
            }

            if (Local != null)
            {
                text.Append('+').Append(string.Join(".", Local));
            }

            return text.ToString();
        }

        public int CompareTo(PackageVersion? other)
        {
            if (other is null)
            {
                return 1;
            }

            var byEpoch = Epoch.CompareTo(other.Epoch);
            if (byEpoch != 0)
            {
                return byEpoch;
            }

            var byRelease = CompareRelease(TrimZeros(Release), TrimZeros(other.Release));
            if (byRelease != 0)
            {
                return byRelease;
            }

            var byPre = PreKey().CompareTo(other.PreKey());
            if (byPre != 0)
            {
                return byPre;
            }

            // No post-release sorts before any post-release; no dev release sorts after any dev release.
            var byPost = Optional(Post, absentIsLow: true).CompareTo(Optional(other.Post, absentIsLow: true));
            if (byPost != 0)
            {
                return byPost;
            }

            var byDev = Optional(Dev, absentIsLow: false).CompareTo(Optional(other.Dev, absentIsLow: false));
            return byDev != 0 ? byDev : CompareLocal(Local, other.Local);
        }

        public bool Equals(PackageVersion? other) => other is not null && CompareTo(other) == 0;

        public override bool Equals(object? obj) => obj is PackageVersion other && Equals(other);

        public override int GetHashCode() => ToComparableString().GetHashCode();

        public static bool operator <(PackageVersion a, PackageVersion b) => a.CompareTo(b) < 0;

        public static bool operator >(PackageVersion a, PackageVersion b) => a.CompareTo(b) > 0;

        public static bool operator <=(PackageVersion a, PackageVersion b) => a.CompareTo(b) <= 0;

        public static bool operator >=(PackageVersion a, PackageVersion b) => a.CompareTo(b) >= 0;

        // Equal versions (1.0 and 1.0.0) must hash alike: trailing release zeros are not part of the identity.
        private string ToComparableString() =>
            new PackageVersion(Epoch, TrimZeros(Release), PreLabel, PreNumber, Post, Dev, Local).ToString();

        private (int Rank, int Label, BigInteger Number) PreKey()
        {
            // A dev release of a final version (1.0.dev1) sorts before every pre-release of it (1.0a1).
            if (PreLabel == null && Post == null && Dev != null)
            {
                return (-1, 0, BigInteger.Zero);
            }

            if (PreLabel == null)
            {
                return (1, 0, BigInteger.Zero);
            }

            var label = PreLabel == "a" ? 0 : PreLabel == "b" ? 1 : 2;
            return (0, label, PreNumber);
        }

        private static (int Present, BigInteger Number) Optional(BigInteger? value, bool absentIsLow) =>
            value == null ? (absentIsLow ? -1 : 1, BigInteger.Zero) : (0, value.Value);

        private static IReadOnlyList<BigInteger> TrimZeros(IReadOnlyList<BigInteger> release)
        {
            var length = release.Count;
            while (length > 0 && release[length - 1].IsZero)
            {
                length--;
            }

            return release.Take(length).ToList();
        }

        private static int CompareRelease(IReadOnlyList<BigInteger> a, IReadOnlyList<BigInteger> b)
        {
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var byPart = a[i].CompareTo(b[i]);
                if (byPart != 0)
                {
                    return byPart;
                }
            }

            return a.Count.CompareTo(b.Count);
        }

        private static int CompareLocal(IReadOnlyList<object>? a, IReadOnlyList<object>? b)
        {
            if (a == null || b == null)
            {
                return (a == null ? 0 : 1).CompareTo(b == null ? 0 : 1);
            }

            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var bySegment = CompareLocalSegment(a[i], b[i]);
                if (bySegment != 0)
                {
                    return bySegment;
                }
            }

            return a.Count.CompareTo(b.Count);
        }

        // Numeric segments sort after alphanumeric ones; like kinds compare by value.
        private static int CompareLocalSegment(object a, object b)
        {
            if (a is BigInteger x && b is BigInteger y)
            {
                return x.CompareTo(y);
            }

            if (a is string s && b is string t)
            {
                return string.CompareOrdinal(s, t);
            }

            return a is BigInteger ? 1 : -1;
        }
    }
}
