using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Store;

namespace CodeEnv.Packages
{
    /// <summary>
    /// The root's index rules, read once: which rule pins a name (the first whose pattern matches), and whether a URL is
    /// the index a rule names. URLs are compared without credentials, fragments or a trailing slash, the scheme and host in
    /// any case, so the rule <c>https://pypi.internal/simple</c> names the index <c>https://ci:***@pypi.internal/simple/</c>.
    /// </summary>
    public sealed class IndexPins
    {
        private readonly IReadOnlyList<(IndexRule Rule, NamePattern Pattern)> rules;

        public IndexPins(IEnumerable<IndexRule> rules)
        {
            this.rules = rules.Select(r => (r, NamePattern.TryParse(r.Pattern, out _))).Where(r => r.Item2 != null).Select(r => (r.r, r.Item2!)).ToList();
        }

        public bool IsEmpty => rules.Count == 0;

        /// <summary>The rule that pins <paramref name="name"/> to an index, or null when none does.</summary>
        public IndexRule? PinOf(string name) => rules.FirstOrDefault(r => r.Pattern.Matches(name)).Rule;

        /// <summary>Whether two index URLs name the same index.</summary>
        public static bool SameIndex(string left, string right) =>
            string.Equals(Comparable(left), Comparable(right), StringComparison.Ordinal);

        /// <summary>A URL as index URLs are compared: no credentials, no fragment, no trailing slash, scheme and host in lower case.</summary>
        public static string Comparable(string url)
        {
            var bare = SourceSecrets.WithoutCredentials(url.Split('#')[0]).TrimEnd('/');
            return Uri.TryCreate(bare, UriKind.Absolute, out var parsed)
                ? parsed.Scheme.ToLowerInvariant() + "://" + parsed.Authority.ToLowerInvariant() + parsed.PathAndQuery.TrimEnd('/')
                : bare;
        }
    }
}
