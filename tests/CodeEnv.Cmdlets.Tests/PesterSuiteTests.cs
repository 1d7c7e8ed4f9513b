using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Pester files of the suite (tests/pester) in one real pwsh, with the Pester 5.9.1 module this project restores from
/// NuGet. The files are run in a few batches, each a class of its own below, so the batches run side by side (xunit
/// runs the classes of a project in parallel, the tests of one class in turn): a pwsh of its own per file cost each
/// file a start of pwsh and an import of Pester, about 2.2 CPU-seconds, 40 in all, on a run that is bound by its CPU.
/// Pester's detailed output names the file and the test of a failure. In CI (CI=true) a missing pwsh is a failure;
/// elsewhere it is reported as skipped, with how to install it, never as passed.
/// </summary>
public abstract class PesterFiles
{
    protected PesterFiles(params string[] files) => Files = files;

    public IReadOnlyList<string> Files { get; }

    [PwshFact]
    public void Passes_in_a_real_pwsh()
    {
        Assert.True(RealPwsh.Path != null, "CI runs the Pester suite in a real pwsh, and none was found on PATH or in ~/.dotnet/tools: .ci/run installs it with 'dotnet tool install --global PowerShell --version 7.6.10'.");
        Assert.True(System.IO.File.Exists(RealPwsh.PesterManifest), $"The Pester module was not restored at '{RealPwsh.PesterManifest}': 'dotnet restore CodeEnv.Cmdlets.sln' downloads it.");
        var start = new ProcessStartInfo(RealPwsh.Path!) { RedirectStandardOutput = true, RedirectStandardError = true };
        var paths = string.Join(", ", Files.Select(file => Quoted(Path.Combine(PesterSuite.Folder, file))));
        var run = $"Import-Module {Quoted(RealPwsh.PesterManifest)}; $r = Invoke-Pester -Path {paths} -PassThru -Output Detailed; exit $r.FailedCount + $r.SkippedCount + $r.NotRunCount + $r.FailedBlocksCount + $r.FailedContainersCount";
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-Command", run })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        // The shell of this test run's configuration, for the Pester files that run scripts in it (Get-TestShell).
        start.Environment["CODEENV_TEST_SHELL"] = RepoPaths.Shell;
        // The seed of the interpreter the Pester files build envs with, built once for the run (Copy-TestSeed).
        _ = SeedOfNewestPython.Value;
        start.Environment["CODEENV_TEST_SEEDS"] = SharedSeeds.Folder;

        using var pwsh = Process.Start(start)!;
        var output = pwsh.StandardOutput.ReadToEndAsync();
        var error = pwsh.StandardError.ReadToEndAsync();
        Assert.True(pwsh.WaitForExit(TimeSpan.FromMinutes(10)), $"Pester did not finish {string.Join(", ", Files)} in 10 minutes");
        Assert.True(pwsh.ExitCode == 0, output.Result + error.Result);
    }

    // The Pester files make their envs with the newest interpreter that makes venvs (Get-TestPythonVersion in Common.ps1).
    private static readonly Lazy<bool> SeedOfNewestPython = new(() =>
    {
        using var ps = new PowerShellSession();
        var newest = ps.Run("Get-CodeEnvPython | Where-Object SupportsVenv | ForEach-Object { $_.Version.ToString() }").AssertSuccess().Output
            .Select(v => v.ToString()).OrderByDescending(v => Version.Parse(System.Text.RegularExpressions.Regex.Match(v, @"^\d+(\.\d+)*").Value)).First();
        ps.Run("New-CodeEnv seeding -PythonVersion $args[0] | Out-Null", string.Join('.', newest.Split('.').Take(2))).AssertSuccess();
        return true;
    });

    private static string Quoted(string text) => "'" + text.Replace("'", "''") + "'";
}

public class PesterSuite
{
    public static string Folder => Path.Combine(RepoPaths.Repo, "tests", "pester");

    [Fact]
    public void Every_Pester_file_is_run_by_exactly_one_test_class()
    {
        var files = Directory.GetFiles(Folder, "*.Tests.ps1").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var run = typeof(PesterFiles).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(PesterFiles)))
            .SelectMany(t => ((PesterFiles)Activator.CreateInstance(t)!).Files).Order(StringComparer.Ordinal);
        Assert.Equal(files, run);
    }
}

// Three batches of about the same length (each file's time in a run beside the rest, in seconds: Pipelines 32, Names 28,
// Examples 23, Readme 21, Install 20, Maintenance 20, UserObjects 18, ShellAndErrors 16, RunTime 15, Store 13,
// Vulnerability 12, Usage 11, SourceRules 10, Compliance 8, FreezeAndArchive 7, CodeEnv 6, Documentation 5).
public class PesterPipelinesAndObjects() : PesterFiles("Pipelines.Tests.ps1", "Install.Tests.ps1", "UserObjects.Tests.ps1", "RunTime.Tests.ps1", "Usage.Tests.ps1", "Documentation.Tests.ps1");

public class PesterNamesAndMaintenance() : PesterFiles("Names.Tests.ps1", "Maintenance.Tests.ps1", "ShellAndErrors.Tests.ps1", "Store.Tests.ps1", "SourceRules.Tests.ps1", "CodeEnv.Tests.ps1");

public class PesterExamplesAndReadme() : PesterFiles("Examples.Tests.ps1", "Readme.Tests.ps1", "Vulnerability.Tests.ps1", "Compliance.Tests.ps1", "FreezeAndArchive.Tests.ps1");

// A served root's service, its OS accounts and sandboxes run in a chain of the classes that start a service: seen in CI
// beside them all at once, the service's discovery found no interpreter.
[Collection(ServiceCollection.Name)]
public class PesterServedRoot() : PesterFiles("ServedRoot.Tests.ps1");

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

/// <summary>A fact that needs the real pwsh and the restored Pester; skipped with the reason outside CI, failed in CI.</summary>
public sealed class PwshFactAttribute : FactAttribute
{
    public PwshFactAttribute()
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
