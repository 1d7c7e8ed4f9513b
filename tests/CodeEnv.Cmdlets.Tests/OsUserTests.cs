using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Behaviours that need a second, real OS user in a separate process. The test creates the user (CI runs as root)
/// and runs codeenv as that user with runuser; elsewhere it is skipped and says why.
/// </summary>
public class OsUserTests
{
    private const string Reader = "codeenv-reader";

    private static ShellProcess.Result RunAs(string user, string script) => OsUserShell.RunAs(user, script);

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
