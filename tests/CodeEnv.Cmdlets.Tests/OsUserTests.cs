using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Behaviours that need a second, real OS user in a separate process. The test creates the user (CI runs as root)
/// and runs codeenv as that user with runuser; elsewhere it is skipped and says why.
/// </summary>
public class OsUserTests
{
    private const string Reader = "codeenv-reader";

    // The repository may sit in a folder only its owner can enter (CI clones into mktemp -d, mode 0700), so the other
    // user runs a copy of the shell and the module from a folder everyone may read.
    private static readonly Lazy<string> SharedShell = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "codeenv-shell-" + Guid.NewGuid().ToString("N")[..8]);
        CopyFolder(Path.GetDirectoryName(RepoPaths.Shell)!, folder);
        CopyFolder(RepoPaths.ModuleFolder, Path.Combine(folder, "CodeEnv"));
        Assert.Equal(0, ChildProcess.Run("chmod", "-R", "a+rX", folder).ExitCode);
        return Path.Combine(folder, Path.GetFileName(RepoPaths.Shell));
    });

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static ShellProcess.Result RunAs(string user, string script)
    {
        var shell = SharedShell.Value;
        var start = new System.Diagnostics.ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-u", user, "--", "dotnet", shell, "-Command", script })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = "/tmp";
        start.Environment["DOTNET_CLI_HOME"] = "/tmp";
        start.Environment.Remove("CODEENV_MODULE");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "codeenv as " + user + " did not finish");
        return new ShellProcess.Result(process.ExitCode, output.Result, error.Result);
    }

    [AsRootFact]
    public void A_user_who_cannot_write_the_root_is_denied_at_once_and_never_told_it_is_busy()
    {
        OsAccounts.EnsureUser(Reader);
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name e1 -PythonVersion 3.12 -NoInstall").AssertSuccess();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = RunAs(Reader, $"try {{ Add-CodeEnvPackage -Name e1 -Requirement alpha -Root '{ps.RootPath}' -ErrorAction Stop }} catch {{ $_.FullyQualifiedErrorId; $_.CategoryInfo.Category; $_.Exception.Message }}");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the refusal took " + clock.Elapsed);
        var lines = result.Output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("RootNotWritable,", lines[0]);
        Assert.Equal("PermissionDenied", lines[1]);
        Assert.Contains($"'{Reader}' may not write", lines[2]);
        Assert.DoesNotContain("busy", result.Output + result.Error);
    }

    [AsRootFact]
    public void A_user_who_may_only_read_sees_the_true_state_of_an_interrupted_update()
    {
        OsAccounts.EnsureUser(Reader);
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name e1 -PythonVersion 3.12 -NoInstall").AssertSuccess();
        // A killed update leaves "Updating" in status.json and no live holder of the env's locks.
        var statusJson = Path.Combine(ps.RootPath, "envs", "e1", "status.json");
        File.WriteAllText(statusJson, File.ReadAllText(statusJson).Replace("\"state\": \"Outdated\"", "\"state\": \"Updating\""));

        var result = RunAs(Reader, $"(Get-CodeEnv e1 -Root '{ps.RootPath}').State");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("Interrupted", result.Output.Trim());
    }
}
