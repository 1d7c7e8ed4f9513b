using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CodeEnv.Licenses
{
    /// <summary>
    /// An SPDX license expression (SPDX 2.3 annex D, as PEP 639's License-Expression uses it): license ids, optionally
    /// with <c>+</c>, <c>WITH</c> an exception, joined by <c>AND</c> (binds tighter) and <c>OR</c>, with parentheses.
    /// Operators are read in any letter case, as packaging's canonicalization reads them.
    /// </summary>
    public sealed class LicenseExpression
    {
        private static readonly Regex Token = new Regex(@"\s*(\(|\)|[A-Za-z0-9.:+-]+)\s*", RegexOptions.CultureInvariant);
        private static readonly Regex LicenseId = new Regex(@"^(DocumentRef-[A-Za-z0-9.-]+:)?(LicenseRef-)?[A-Za-z0-9.-]+\+?$", RegexOptions.CultureInvariant);

        private readonly Node root;

        private LicenseExpression(string text, Node root)
        {
            Text = text;
            this.root = root;
        }

        /// <summary>The expression as it was written.</summary>
        public string Text { get; }

        /// <summary>Each license of the expression (<c>MIT</c>, <c>GPL-2.0-or-later WITH Classpath-exception-2.0</c>), once, in order.</summary>
        public IReadOnlyList<string> Terms => root.Terms().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        public override string ToString() => Text;

        public static bool TryParse(string text, out LicenseExpression? expression)
        {
            expression = null;
            var tokens = new List<string>();
            var at = 0;
            while (at < text.Length)
            {
                var match = Token.Match(text, at);
                if (!match.Success || match.Index != at)
                {
                    return string.IsNullOrWhiteSpace(text.Substring(at)) && tokens.Count > 0 && Finish(text, tokens, out expression);
                }

                tokens.Add(match.Groups[1].Value);
                at += match.Length;
            }

            return Finish(text, tokens, out expression);
        }

        /// <summary>Whether the expression holds for a set of licenses: an OR needs one side, an AND both; a license with an exception holds where its license does (an exception only grants more) or where the whole term is listed.</summary>
        public bool IsSatisfiedBy(Func<string, bool> allows) => root.Holds(allows);

        private static bool Finish(string text, List<string> tokens, out LicenseExpression? expression)
        {
            expression = null;
            var position = 0;
            var node = ParseOr(tokens, ref position);
            if (node == null || position != tokens.Count)
            {
                return false;
            }

            expression = new LicenseExpression(text.Trim(), node);
            return true;
        }

        private static Node? ParseOr(List<string> tokens, ref int position)
        {
            var left = ParseAnd(tokens, ref position);
            while (left != null && position < tokens.Count && IsOperator(tokens[position], "OR"))
            {
                position++;
                var right = ParseAnd(tokens, ref position);
                left = right == null ? null : new Either(left, right);
            }

            return left;
        }

        private static Node? ParseAnd(List<string> tokens, ref int position)
        {
            var left = ParseTerm(tokens, ref position);
            while (left != null && position < tokens.Count && IsOperator(tokens[position], "AND"))
            {
                position++;
                var right = ParseTerm(tokens, ref position);
                left = right == null ? null : new Both(left, right);
            }

            return left;
        }

        private static Node? ParseTerm(List<string> tokens, ref int position)
        {
            if (position >= tokens.Count)
            {
                return null;
            }

            if (tokens[position] == "(")
            {
                position++;
                var inner = ParseOr(tokens, ref position);
                if (inner == null || position >= tokens.Count || tokens[position] != ")")
                {
                    return null;
                }

                position++;
                return inner;
            }

            var id = tokens[position];
            if (id == ")" || IsOperator(id, "AND") || IsOperator(id, "OR") || IsOperator(id, "WITH") || !LicenseId.IsMatch(id))
            {
                return null;
            }

            position++;
            string? exception = null;
            if (position < tokens.Count && IsOperator(tokens[position], "WITH"))
            {
                position++;
                if (position >= tokens.Count || !LicenseId.IsMatch(tokens[position]) || tokens[position].EndsWith("+", StringComparison.Ordinal))
                {
                    return null;
                }

                exception = tokens[position++];
            }

            return new License(SpdxLicenseIds.Canonical(id) ?? id, exception);
        }

        private static bool IsOperator(string token, string name) => string.Equals(token, name, StringComparison.OrdinalIgnoreCase);

        private abstract class Node
        {
            public abstract bool Holds(Func<string, bool> allows);

            public abstract IEnumerable<string> Terms();
        }

        private sealed class License : Node
        {
            private readonly string id;
            private readonly string? exception;

            public License(string id, string? exception)
            {
                this.id = id;
                this.exception = exception;
            }

            public override bool Holds(Func<string, bool> allows) => allows(id) || (exception != null && allows(id + " WITH " + exception));

            public override IEnumerable<string> Terms()
            {
                yield return exception == null ? id : id + " WITH " + exception;
            }
        }

        private sealed class Both : Node
        {
            private readonly Node left;
            private readonly Node right;

            public Both(Node left, Node right)
            {
                this.left = left;
                this.right = right;
            }

            public override bool Holds(Func<string, bool> allows) => left.Holds(allows) && right.Holds(allows);

            public override IEnumerable<string> Terms() => left.Terms().Concat(right.Terms());
        }

        private sealed class Either : Node
        {
            private readonly Node left;
            private readonly Node right;

            public Either(Node left, Node right)
            {
                this.left = left;
                this.right = right;
            }

            public override bool Holds(Func<string, bool> allows) => left.Holds(allows) || right.Holds(allows);

            public override IEnumerable<string> Terms() => left.Terms().Concat(right.Terms());
        }
    }
}
