using System.Text.RegularExpressions;

namespace CodeEnv.Errors
{
    /// <summary>Text from a user or a file, made safe to show in a message: control characters as \xNN, never raw.</summary>
    public static class PrintableText
    {
        private static readonly Regex Control = new Regex(@"[\x00-\x1f\x7f]", RegexOptions.CultureInvariant);

        public static string Of(string? text) => Control.Replace(text ?? "", m => "\\x" + ((int)m.Value[0]).ToString("x2"));
    }
}
