using System.Text.RegularExpressions;

namespace CodeEnv.Shell;

/// <summary>
/// Turns "-File script.ps1 -Version 3.12 -Force" into PowerShell text, so that PowerShell's own parameter binder
/// (which knows which parameters are switches) binds the arguments, as pwsh -File does. Values are quoted
/// literally; only well-formed parameter names stay bare.
/// </summary>
internal static partial class ScriptInvocation
{
    [GeneratedRegex(@"^-[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"^(-[A-Za-z_][A-Za-z0-9_]*):(.*)$", RegexOptions.Singleline)]
    private static partial Regex ParameterWithValue();

    public static string For(string script, IEnumerable<string> arguments)
    {
        var parts = new List<string> { "&", Quote(script) };
        foreach (var argument in arguments)
        {
            var withValue = ParameterWithValue().Match(argument);
            if (ParameterName().IsMatch(argument))
            {
                parts.Add(argument);
            }
            else if (withValue.Success)
            {
                parts.Add(withValue.Groups[1].Value + ":" + Quote(withValue.Groups[2].Value));
            }
            else
            {
                parts.Add(Quote(argument));
            }
        }

        return string.Join(" ", parts);
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
}
