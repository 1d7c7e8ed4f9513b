using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CodeEnv.Requirements
{
    /// <summary>
    /// A PEP 508 environment marker (<c>python_version &lt; "3.9" and sys_platform == "linux"</c>), parsed once and
    /// evaluated against the values of an env's own interpreter, as pypa/packaging evaluates it.
    /// </summary>
    public sealed class Marker
    {
        public static readonly IReadOnlyCollection<string> Variables = new[]
        {
            "python_version", "python_full_version", "os_name", "sys_platform", "platform_release", "platform_system",
            "platform_version", "platform_machine", "platform_python_implementation", "implementation_name",
            "implementation_version", "extra",
        };

        // The names setuptools once accepted, still found in old requirement files.
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>
        {
            ["os.name"] = "os_name", ["sys.platform"] = "sys_platform", ["platform.version"] = "platform_version",
            ["platform.machine"] = "platform_machine", ["platform.python_implementation"] = "platform_python_implementation",
            ["python_implementation"] = "platform_python_implementation",
        };

        private static readonly Regex Token = new Regex(
            @"\G\s*(?:(?<str>'[^']*'|""[^""]*"")|(?<op>===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b)|(?<bool>and\b|or\b)|(?<paren>[()])|(?<var>[A-Za-z_][A-Za-z0-9_.]*))",
            RegexOptions.CultureInvariant);

        private readonly Node root;

        private Marker(string text, Node root)
        {
            Text = text;
            this.root = root;
        }

        public string Text { get; }

        public override string ToString() => Text;

        public static bool TryParse(string text, out Marker? marker, out string problem)
        {
            marker = null;
            try
            {
                var tokens = Tokenize(text);
                var position = 0;
                var node = ParseOr(tokens, ref position);
                if (position != tokens.Count)
                {
                    throw new FormatException($"unexpected '{tokens[position].Text}'");
                }

                marker = new Marker(text.Trim(), node);
                problem = "";
                return true;
            }
            catch (FormatException e)
            {
                problem = $"the marker '{text.Trim()}' is not valid: {e.Message}";
                return false;
            }
        }

        /// <summary>Evaluates the marker; <paramref name="environment"/> maps each marker variable to its value.</summary>
        public bool Evaluate(IReadOnlyDictionary<string, string> environment) => root.Evaluate(environment);

        private static List<(string Kind, string Text)> Tokenize(string text)
        {
            var tokens = new List<(string, string)>();
            var at = 0;
            while (at < text.Length)
            {
                if (text.Substring(at).Trim().Length == 0)
                {
                    break;
                }

                var match = Token.Match(text, at);
                if (!match.Success)
                {
                    throw new FormatException($"unexpected text at '{text.Substring(at).Trim()}'");
                }

                var kind = new[] { "str", "op", "bool", "paren", "var" }.First(k => match.Groups[k].Success);
                tokens.Add((kind, match.Groups[kind].Value));
                at = match.Index + match.Length;
            }

            return tokens;
        }

        private static Node ParseOr(List<(string Kind, string Text)> tokens, ref int position)
        {
            var left = ParseAnd(tokens, ref position);
            while (position < tokens.Count && tokens[position].Text == "or")
            {
                position++;
                left = new Combined(left, ParseAnd(tokens, ref position), and: false);
            }

            return left;
        }

        private static Node ParseAnd(List<(string Kind, string Text)> tokens, ref int position)
        {
            var left = ParseAtom(tokens, ref position);
            while (position < tokens.Count && tokens[position].Text == "and")
            {
                position++;
                left = new Combined(left, ParseAtom(tokens, ref position), and: true);
            }

            return left;
        }

        private static Node ParseAtom(List<(string Kind, string Text)> tokens, ref int position)
        {
            if (position >= tokens.Count)
            {
                throw new FormatException("it ends where a comparison was expected");
            }

            if (tokens[position].Text == "(")
            {
                position++;
                var inner = ParseOr(tokens, ref position);
                if (position >= tokens.Count || tokens[position].Text != ")")
                {
                    throw new FormatException("a '(' is not closed");
                }

                position++;
                return inner;
            }

            var left = ReadOperand(tokens, ref position);
            if (position >= tokens.Count || tokens[position].Kind != "op")
            {
                throw new FormatException($"a comparison operator is missing after '{left.Text}'");
            }

            var op = Regex.Replace(tokens[position++].Text, @"\s+", " ");
            var right = ReadOperand(tokens, ref position);
            if (left.IsVariable == right.IsVariable)
            {
                throw new FormatException($"'{left.Text} {op} {right.Text}' must compare a marker variable with a quoted string");
            }

            return new Comparison(left, op, right);
        }

        private static Operand ReadOperand(List<(string Kind, string Text)> tokens, ref int position)
        {
            if (position >= tokens.Count)
            {
                throw new FormatException("it ends where a value was expected");
            }

            var (kind, text) = tokens[position++];
            if (kind == "str")
            {
                return new Operand(text.Substring(1, text.Length - 2), isVariable: false);
            }

            if (kind == "var")
            {
                var name = Aliases.TryGetValue(text, out var alias) ? alias : text;
                if (!Variables.Contains(name))
                {
                    throw new FormatException($"'{text}' is not a marker variable (known: {string.Join(", ", Variables)})");
                }

                return new Operand(name, isVariable: true);
            }

            throw new FormatException($"unexpected '{text}'");
        }

        private sealed class Operand
        {
            public Operand(string text, bool isVariable)
            {
                Text = text;
                IsVariable = isVariable;
            }

            public string Text { get; }

            public bool IsVariable { get; }

            public string Value(IReadOnlyDictionary<string, string> environment) =>
                !IsVariable ? Text : environment.TryGetValue(Text, out var value) ? value : "";
        }

        private abstract class Node
        {
            public abstract bool Evaluate(IReadOnlyDictionary<string, string> environment);
        }

        private sealed class Combined : Node
        {
            private readonly Node left;
            private readonly Node right;
            private readonly bool and;

            public Combined(Node left, Node right, bool and)
            {
                this.left = left;
                this.right = right;
                this.and = and;
            }

            public override bool Evaluate(IReadOnlyDictionary<string, string> environment) =>
                and ? left.Evaluate(environment) && right.Evaluate(environment) : left.Evaluate(environment) || right.Evaluate(environment);
        }

        private sealed class Comparison : Node
        {
            private readonly Operand left;
            private readonly string op;
            private readonly Operand right;

            public Comparison(Operand left, string op, Operand right)
            {
                this.left = left;
                this.op = op;
                this.right = right;
            }

            public override bool Evaluate(IReadOnlyDictionary<string, string> environment)
            {
                var lhs = left.Value(environment);
                var rhs = right.Value(environment);
                if (left.Text == "extra" || right.Text == "extra")
                {
                    // Extras compare by their normalized names (PEP 685).
                    lhs = PackageName.Normalize(lhs);
                    rhs = PackageName.Normalize(rhs);
                }

                switch (op)
                {
                    case "in": return rhs.Contains(lhs);
                    case "not in": return !rhs.Contains(lhs);
                }

                // A version comparison when the right side reads as a version specifier, otherwise plain strings.
                if (VersionSpecifier.TryParse(op + rhs, out var specifier, out _) && PackageVersion.TryParse(lhs, out var version))
                {
                    return specifier!.Contains(version!);
                }

                var order = string.CompareOrdinal(lhs, rhs);
                switch (op)
                {
                    case "==":
                    case "===": return order == 0;
                    case "!=": return order != 0;
                    case "<": return order < 0;
                    case "<=": return order <= 0;
                    case ">": return order > 0;
                    case ">=": return order >= 0;
                    default: throw new FormatException($"'{op}' cannot compare '{lhs}' with '{rhs}'");
                }
            }
        }
    }
}
