using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>Runs the real codeenv shell as a separate process, the way cron jobs and these concurrency tests use it.</summary>
public static class ShellProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Process Start(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(RepoPaths.Shell);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("CODEENV_ROOT");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    public static Result Wait(Process process)
    {
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Only a hang guard, kept under the 8 minutes after which the blame collector stops the whole test host
        // (tests.runsettings): on 2 loaded cores twenty processes started at once take minutes, and that is no failure.
        if (!process.WaitForExit(TimeSpan.FromMinutes(6)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("codeenv did not finish in 6 minutes");
        }

        return new Result(process.ExitCode, output.Result, error.Result);
    }

    public static Result Run(IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        using var process = Start(arguments, environment);
        return Wait(process);
    }
}
