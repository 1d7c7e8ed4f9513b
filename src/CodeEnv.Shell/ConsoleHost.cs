using System.Globalization;
using System.Management.Automation.Host;

namespace CodeEnv.Shell;

/// <summary>A minimal host: output to stdout, errors, warnings and verbose text to stderr, no prompts without a terminal.</summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly Guid id = Guid.NewGuid();

    public override string Name => "CodeEnvShell";

    public override Version Version => typeof(ConsoleHost).Assembly.GetName().Version ?? new Version(0, 1);

    public override Guid InstanceId => id;

    public override PSHostUserInterface UI { get; } = new ConsoleUserInterface();

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;

    public int? ExitCode { get; private set; }

    public override void EnterNestedPrompt() => throw new NotSupportedException("codeenv has no nested prompt.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("codeenv has no nested prompt.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }
}
