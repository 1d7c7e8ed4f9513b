namespace CodeEnv.Requirements
{
    /// <summary>Why one line of a requirements list was refused.</summary>
    public sealed class RequirementProblem
    {
        public RequirementProblem(int lineNumber, string text, string reason)
        {
            LineNumber = lineNumber;
            Text = text;
            Reason = reason;
        }

        public int LineNumber { get; }

        public string Text { get; }

        public string Reason { get; }

        public override string ToString() => $"line {LineNumber}: '{Shorten(Text)}': {Reason}";

        private static string Shorten(string text)
        {
            var printable = Errors.PrintableText.Of(text);
            return printable.Length > 120 ? printable.Substring(0, 120) + "..." : printable;
        }
    }
}
