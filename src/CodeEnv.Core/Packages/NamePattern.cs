using System;
using System.Text;
using System.Text.RegularExpressions;
using CodeEnv.Requirements;

namespace CodeEnv.Packages
{
    /// <summary>
    /// A package name or a pattern of names with * (any run of characters) and ? (one character), compared as PEP 503
    /// normalizes names: 'Acme_Core' matches acme-core, and 'acme.*' matches Acme_Tools. What index rules and the deny list match names with.
    /// </summary>
    public sealed class NamePattern
    {
        private static readonly Regex Allowed = new Regex(@"^[A-Za-z0-9._*?-]+$", RegexOptions.CultureInvariant);

        private readonly Regex matcher;

        private NamePattern(string text, string normalized)
        {
            Text = text;
            Normalized = normalized;
            var expression = new StringBuilder("^");
            foreach (var c in normalized)
            {
                expression.Append(c == '*' ? ".*" : c == '?' ? "." : Regex.Escape(c.ToString()));
            }

            matcher = new Regex(expression.Append('$').ToString(), RegexOptions.CultureInvariant);
        }

        /// <summary>The pattern as it was written.</summary>
        public string Text { get; }

        /// <summary>The pattern normalized as names are: lower case, each run of - _ . one '-'.</summary>
        public string Normalized { get; }

        /// <summary>The pattern of <paramref name="text"/>, or null with the reason when it is not a name or a pattern of names.</summary>
        public static NamePattern? TryParse(string text, out string problem)
        {
            problem = "";
            var trimmed = text.Trim();
            if (trimmed.Length == 0 || !Allowed.IsMatch(trimmed))
            {
                problem = $"'{text}' is not a package name or a pattern of names: use letters, digits, '-', '_', '.', and * or ? as wildcards";
                return null;
            }

            return new NamePattern(trimmed, PackageName.Normalize(trimmed));
        }

        public bool Matches(string name) => matcher.IsMatch(PackageName.Normalize(name));

        public override string ToString() => Text;
    }
}
