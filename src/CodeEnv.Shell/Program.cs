using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CodeEnv.Shell;

var parsed = ShellArguments.Parse(args, out var problem);
if (parsed == null)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine(ShellArguments.Usage);
    return 2;
}

var module = ModuleLocator.Find(parsed.ModulePath);
if (!parsed.NoModule && (module == null || !File.Exists(module)))
{
    Console.Error.WriteLine($"The CodeEnv module was not found{(module == null ? "" : " at '" + module + "'")}. Build it with 'dotnet build -c Release CodeEnv.Cmdlets.sln', or pass -Module <path to CodeEnv.psd1>.");
    return 2;
}

var host = new ConsoleHost();
var state = InitialSessionState.CreateDefault2();
state.Commands.Add(new SessionStateCmdletEntry("Show-ShellOutput", typeof(ShownErrorCounter), null));
// Imported up front rather than found by pwsh's autoloading: the manifests export '*', which autoloading would have
// to analyze (and cache per user) before it could find a cmdlet in them.
state.ImportPSModule(StandardModules.ManifestPaths());
StandardModules.AddToModulePath();
if (!parsed.NoModule)
{
    state.ImportPSModule(module!);
}
if (OperatingSystem.IsWindows())
{
    state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
}

using var runspace = RunspaceFactory.CreateRunspace(host, state);
runspace.Open();
using var shell = PowerShell.Create();
shell.Runspace = runspace;
var interrupted = false;
Console.CancelKeyPress += (_, e) =>
{
    // Ctrl+C stops the pipeline; the cmdlets kill their child processes and release their locks.
    e.Cancel = true;
    interrupted = true;
    shell.BeginStop(null, null);
};

// systemd stops the service with SIGTERM: stop the pipeline as Ctrl+C does, so running operations are recorded as interrupted.
using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    shell.BeginStop(null, null);
});

if (parsed.File != null)
{
    var script = Path.GetFullPath(parsed.File);
    if (!File.Exists(script))
    {
        Console.Error.WriteLine($"The script '{script}' does not exist.");
        return 2;
    }

    shell.AddScript(ScriptInvocation.For(script, parsed.FileArguments));
}
else
{
    shell.AddScript(parsed.Command!);
}

shell.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
shell.AddCommand("Show-ShellOutput");
shell.AddCommand("Out-Default");
try
{
    shell.Invoke();
}
catch (PipelineStoppedException) when (parsed.Serve)
{
    return 0;
}
catch (PipelineStoppedException) when (interrupted)
{
    // As a POSIX shell reports a job ended by Ctrl+C: 128 + SIGINT.
    return 130;
}
catch (RuntimeException e)
{
    var record = e.ErrorRecord;
    Console.Error.WriteLine($"{record} ({record.FullyQualifiedErrorId}, {record.CategoryInfo.Category})");
    return 1;
}

if (interrupted && !parsed.Serve)
{
    return 130;
}

if (host.ExitCode is int requested)
{
    return requested;
}

var lastExitCode = runspace.SessionStateProxy.GetVariable("LASTEXITCODE") as int? ?? 0;
if (lastExitCode != 0)
{
    return lastExitCode;
}

// As pwsh -File/-Command would, but stricter for unattended jobs: any error the script let through to the
// screen makes the exit code 1; errors it silenced or caught do not.
return ShownErrorCounter.Shown > 0 ? 1 : 0;
