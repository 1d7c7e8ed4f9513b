using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The Pester suite (tests/pester) in a real pwsh, with the Pester 5.9.1 module this project restores from NuGet: one
/// test per Pester file, so the files run side by side with the rest of the suite and a failure names its file. In CI
/// (CI=true) a missing pwsh is a failure; elsewhere it is reported as skipped, with how to install it, never as passed.
/// </summary>
public class PesterSuiteTests
{
    public static TheoryData<string> PesterFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Repo, "tests", "pester"), "*.Tests.ps1").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    [PwshTheory]
    [MemberData(nameof(PesterFiles))]
    public void The_Pester_file_passes_in_a_real_pwsh(string file)
    {
        Assert.True(RealPwsh.Path != null, "CI runs the Pester suite in a real pwsh, and none was found on PATH or in ~/.dotnet/tools: .ci/run installs it with 'dotnet tool install --global PowerShell --version 7.6.10'.");
        Assert.True(File.Exists(RealPwsh.PesterManifest), $"The Pester module was not restored at '{RealPwsh.PesterManifest}': 'dotnet restore CodeEnv.Cmdlets.sln' downloads it.");
        var start = new ProcessStartInfo(RealPwsh.Path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        var path = Path.Combine(RepoPaths.Repo, "tests", "pester", file);
        var run = $"Import-Module {Quoted(RealPwsh.PesterManifest)}; $r = Invoke-Pester -Path {Quoted(path)} -PassThru -Output Detailed; exit $r.FailedCount + $r.SkippedCount + $r.NotRunCount + $r.FailedBlocksCount + $r.FailedContainersCount";
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-Command", run })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        // The shell of this test run's configuration, for the Pester files that run scripts in it (Get-TestShell).
        start.Environment["CODEENV_TEST_SHELL"] = RepoPaths.Shell;

        using var pwsh = Process.Start(start)!;
        var output = pwsh.StandardOutput.ReadToEndAsync();
        var error = pwsh.StandardError.ReadToEndAsync();
        Assert.True(pwsh.WaitForExit(TimeSpan.FromMinutes(10)), $"Pester did not finish {file} in 10 minutes");
        Assert.True(pwsh.ExitCode == 0, output.Result + error.Result);
    }

    private static string Quoted(string text) => "'" + text.Replace("'", "''") + "'";
}

/// <summary>
/// The pwsh users run: on PATH, or where `dotnet tool install --global PowerShell` puts it (~/.dotnet/tools, which is
/// not on PATH by default); and the Pester module the test project restores (a PackageDownload of Pester 5.9.1).
/// </summary>
public static class RealPwsh
{
    public const string PesterVersion = "5.9.1";

    public static string? Path { get; } = Find();

    public static string PesterManifest =>
        System.IO.Path.Combine(
            Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "pester", PesterVersion, "tools", "Pester.psd1");

    private static string? Find()
    {
        var name = OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh";
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Append(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools"));
        return folders.Where(f => f.Length > 0).Select(f => System.IO.Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }
}

/// <summary>A theory that needs the real pwsh and the restored Pester; skipped with the reason outside CI, failed in CI.</summary>
public sealed class PwshTheoryAttribute : TheoryAttribute
{
    public PwshTheoryAttribute()
    {
        var missing = RealPwsh.Path == null ? "pwsh is not installed ('dotnet tool install --global PowerShell --version 7.6.10')"
            : !File.Exists(RealPwsh.PesterManifest) ? $"the Pester {RealPwsh.PesterVersion} package was not restored ('dotnet restore CodeEnv.Cmdlets.sln')"
            : null;
        if (missing != null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = missing + ", so the Pester suite (tests/pester) did not run.";
        }
    }
}
