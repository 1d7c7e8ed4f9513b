using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The real PowerShell engine with the built module (out/CodeEnv) imported, as a user's script sees it. Each
/// session has its own runspace and, through $PSDefaultParameterValues, its own root in a temp folder, which starts with
/// the test run's interpreter seeds (SharedSeeds: its seed cache is the run's folder) unless the test is about building one.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace runspace;
    private readonly TempFolder folder = new();
    private bool stuck;

    public PowerShellSession(bool initializeRoot = true, bool sharedSeeds = true)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(RepoPaths.ModuleManifest);
        runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        RootPath = folder.Combine("root");
        if (initializeRoot)
        {
            Run("Initialize-CodeEnvRoot -Path $args[0] | Out-Null; $PSDefaultParameterValues['*-CodeEnv*:Root'] = $args[0]", RootPath).AssertSuccess();
            if (sharedSeeds)
            {
                SharedSeeds.Share(RootPath);
            }
        }
    }

    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public string RootPath { get; }

    public string Scratch(string name) => folder.Combine(name);

    /// <summary>Runs a script; values in <paramref name="args"/> arrive as $args.</summary>
    public PowerShellResult Run(string script, params object[] args)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        foreach (var arg in args)
        {
            shell.AddArgument(arg);
        }

        Collection<PSObject> output = new();
        RuntimeException? terminating = null;
        var invocation = Task.Run(() => shell.Invoke());
        // A hung pipeline must fail its test, not stall the whole suite until CI's time runs out.
        if (!invocation.Wait(Timeout))
        {
            // BeginStop, not Stop: a pipeline stuck where it cannot be stopped must not hang the test as well. What it
            // reported last says where it was.
            shell.BeginStop(null, null);
            stuck = true;
            var lastWords = shell.Streams.Verbose.Select(v => "VERBOSE: " + v.Message)
                .Concat(shell.Streams.Progress.Select(p => $"PROGRESS: {p.Activity}: {p.StatusDescription}"))
                .TakeLast(15);
            throw new TimeoutException($"The script did not finish in {Timeout.TotalMinutes} minutes: {script}\nIts last reports:\n{string.Join("\n", lastWords)}");
        }

        try
        {
            output = invocation.GetAwaiter().GetResult();
        }
        catch (RuntimeException e)
        {
            terminating = e;
        }

        return new PowerShellResult(
            output.ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Progress.ToList(),
            terminating);
    }

    /// <summary>Starts a script without waiting, for tests that stop it half-way as Ctrl+C does.</summary>
    public PowerShell Start(string script)
    {
        var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        shell.BeginInvoke();
        return shell;
    }

    /// <summary>Edits the root's codeenv.json directly, for settings no cmdlet of this issue changes yet.</summary>
    public void EditRootSettings(Action<Newtonsoft.Json.Linq.JObject> edit)
    {
        var file = Path.Combine(RootPath, "codeenv.json");
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(file));
        edit(json);
        File.WriteAllText(file, json.ToString());
    }

    public void Dispose()
    {
        // Disposing a runspace waits for its pipelines; one that timed out may never end, and must not take the
        // rest of the suite with it. It is left to the process's exit.
        if (!stuck)
        {
            runspace.Dispose();
            folder.Dispose();
        }
    }
}
