using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CodeEnv.Shell;

internal sealed class ConsoleUserInterface : PSHostUserInterface
{
    public override PSHostRawUserInterface RawUI { get; } = new ConsoleRawUserInterface();

    // Colour codes only for a terminal; logs and cron mail get plain text.
    public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected;

    public override void Write(string value) => Console.Out.Write(ForStdout(value));

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Out.Write(ForStdout(value));

    public override void WriteLine(string value) => Console.Out.WriteLine(ForStdout(value));

    public override void WriteErrorLine(string value) => Console.Error.WriteLine(Console.IsErrorRedirected ? Plain(value) : value);

    public override void WriteWarningLine(string message) => Console.Error.WriteLine("WARNING: " + message);

    public override void WriteVerboseLine(string message) => Console.Error.WriteLine("VERBOSE: " + message);

    public override void WriteDebugLine(string message) => Console.Error.WriteLine("DEBUG: " + message);

    public override void WriteInformation(InformationRecord record)
    {
    }

    // Progress bars make no sense in logs and cron mail; the verbose stream carries the detail.
    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    public override string ReadLine()
    {
        RequireTerminal();
        return Console.ReadLine() ?? "";
    }

    public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("codeenv cannot read secure strings.");

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        RequireTerminal();
        Console.Error.WriteLine(caption);
        Console.Error.WriteLine(message);
        var answers = new Dictionary<string, PSObject>();
        foreach (var field in descriptions)
        {
            Console.Error.Write(field.Name + ": ");
            answers[field.Name] = PSObject.AsPSObject(Console.ReadLine() ?? "");
        }

        return answers;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        RequireTerminal();
        Console.Error.WriteLine(caption);
        Console.Error.WriteLine(message);
        var labels = choices.Select(c => c.Label.Replace("&", "")).ToList();
        Console.Error.Write(string.Join(" / ", labels) + $" [default {labels[defaultChoice]}]: ");
        var answer = (Console.ReadLine() ?? "").Trim();
        if (answer.Length == 0)
        {
            return defaultChoice;
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var label = choices[i].Label;
            var hotkey = label.IndexOf('&') is var at and >= 0 && at + 1 < label.Length ? label[at + 1].ToString() : null;
            if (string.Equals(answer, labels[i], StringComparison.OrdinalIgnoreCase) || string.Equals(answer, hotkey, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return defaultChoice;
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new NotSupportedException("codeenv cannot prompt for credentials.");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new NotSupportedException("codeenv cannot prompt for credentials.");

    // The formatter adds colour codes ($PSStyle); a file or a pipe gets the text without them.
    private static readonly System.Text.RegularExpressions.Regex EscapeSequence = new(@"\x1b\[[0-9;?]*[A-Za-z]");

    private static string Plain(string value) => EscapeSequence.Replace(value, "");

    private static string ForStdout(string value) => Console.IsOutputRedirected ? Plain(value) : value;

    private static void RequireTerminal()
    {
        if (Console.IsInputRedirected)
        {
            throw new PSInvalidOperationException(
                "This command asks for confirmation, but codeenv has no terminal to ask on. Add -Confirm:$false (and -Force where the command has it) to run it unattended.");
        }
    }
}
