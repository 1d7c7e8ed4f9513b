using System.Management.Automation;

namespace CodeEnv.Shell;

/// <summary>
/// Passes the script's output and errors on to Out-Default, counting the errors it shows. The exit code counts
/// these alone: an error the script silenced (-ErrorAction SilentlyContinue or Ignore) or caught (try/catch) never
/// reaches this point, so it is neither printed nor counted, as a script's author means it.
/// </summary>
[Cmdlet("Show", "ShellOutput")]
public sealed class ShownErrorCounter : PSCmdlet
{
    private static int shown;

    public static int Shown => shown;

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord()
    {
        if (InputObject?.BaseObject is ErrorRecord)
        {
            Interlocked.Increment(ref shown);
        }

        WriteObject(InputObject);
    }
}
