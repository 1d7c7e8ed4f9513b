using System.Diagnostics;

namespace CodeEnv.TestSupport;

/// <summary>Runs a program the way a test compares against (pip, python, mount), with pip's own config and the caller's PIP_* variables switched off.</summary>
public static class ChildProcess
{
    public static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var pipVariable in start.Environment.Keys.Where(k => k.StartsWith("PIP_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(pipVariable);
        }

        start.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + error.Result;
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{file} {string.Join(" ", arguments)}' did not finish in 3 minutes.");
        }

        return (process.ExitCode, output);
    }
}
