using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The Pester suite (tests/pester) for users who have pwsh: run here when pwsh with Pester 5 is on PATH, reported
/// as skipped, with the reason, when it is not. Never reported as passed without having run.
/// </summary>
public class PesterSuiteTests
{
    [PwshWithPesterFact]
    public void The_Pester_suite_passes_in_a_real_pwsh()
    {
        var start = new ProcessStartInfo("pwsh") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-Command", "$r = Invoke-Pester -Path $args[0] -PassThru -Output Detailed; exit $r.FailedCount + $r.SkippedCount", Path.Combine(RepoPaths.Repo, "tests", "pester") })
        {
            start.ArgumentList.Add(argument);
        }

        using var pwsh = Process.Start(start)!;
        var output = pwsh.StandardOutput.ReadToEndAsync();
        var error = pwsh.StandardError.ReadToEndAsync();
        Assert.True(pwsh.WaitForExit(TimeSpan.FromMinutes(10)), "Pester did not finish in 10 minutes");
        Assert.True(pwsh.ExitCode == 0, output.Result + error.Result);
    }
}

/// <summary>A fact that runs only where pwsh and Pester 5 are installed; elsewhere it is skipped and says why.</summary>
public sealed class PwshWithPesterFactAttribute : FactAttribute
{
    public PwshWithPesterFactAttribute()
    {
        var pwsh = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh"))
            .FirstOrDefault(File.Exists);
        if (pwsh == null)
        {
            Skip = "pwsh is not installed on this machine, so the Pester suite (tests/pester) did not run.";
            return;
        }

        var probe = new ProcessStartInfo(pwsh, new[] { "-NoProfile", "-NonInteractive", "-Command", "if (Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0') { exit 0 } else { exit 1 }" });
        using var process = Process.Start(probe)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Skip = "pwsh has no Pester 5 (Install-Module Pester -MinimumVersion 5.0), so the Pester suite did not run.";
        }
    }
}
