namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// LastUsed: when an env's python was last started, from the access time of its stable entry point (venv/bin/python),
/// which every start through the env's venv path reads. Under relatime (this machine's /tmp) the system updates an access time older than a day on the next
/// read, so an env made to look idle for 100 days shows a start at once.
/// </summary>
public class LastUsedTests
{
    private static void LastStartedDaysAgo(PowerShellSession ps, string name, int days) =>
        File.SetLastAccessTimeUtc(Path.Combine(ps.RootPath, "envs", name, "venv", "bin", "python"), DateTime.UtcNow.AddDays(-days));

    private static DateTimeOffset LastUsed(PowerShellSession ps, string name) =>
        (DateTimeOffset)ps.Run("(Get-CodeEnv $args[0]).LastUsed", name).AssertSuccess().Output.Single().BaseObject;

    [Fact]
    public void LastUsed_shows_when_the_envs_python_was_last_started()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name idle -PythonVersion 3.12").AssertSuccess();
        LastStartedDaysAgo(ps, "idle", 100);
        Assert.InRange((DateTimeOffset.UtcNow - LastUsed(ps, "idle")).TotalDays, 99.9, 100.1);

        ps.Run("Invoke-CodeEnvPython idle -ArgumentList '-c', 'pass'").AssertSuccess();

        Assert.InRange((DateTimeOffset.UtcNow - LastUsed(ps, "idle")).TotalMinutes, 0, 5);
    }

    [Fact]
    public void A_python_started_directly_from_the_venv_counts_as_a_use()
    {
        using var ps = PackageSession.Create();
        var python = ps.Run("New-CodeEnv -Name direct -PythonVersion 3.12").Single("CodeEnv.EnvironmentInfo").Get<string>("PythonPath");
        LastStartedDaysAgo(ps, "direct", 30);

        var run = CodeEnv.TestSupport.ChildProcess.Run(python, "-c", "pass");

        Assert.Equal(0, run.ExitCode);
        Assert.InRange((DateTimeOffset.UtcNow - LastUsed(ps, "direct")).TotalMinutes, 0, 5);
    }

    [Fact]
    public void A_scheduled_job_removes_only_the_envs_nobody_started_for_90_days()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name stale -PythonVersion 3.12 | Out-Null; New-CodeEnv -Name busy -PythonVersion 3.12 | Out-Null").AssertSuccess();
        LastStartedDaysAgo(ps, "stale", 120);
        LastStartedDaysAgo(ps, "busy", 3);

        ps.Run("Get-CodeEnv | Where-Object IdleSince -lt ([DateTimeOffset]::UtcNow.AddDays(-90)) | Remove-CodeEnv -Confirm:$false").AssertSuccess();

        Assert.Equal(new[] { "busy" }, ps.Run("Get-CodeEnv | ForEach-Object Name").AssertSuccess().Output.Select(o => o.ToString()));
    }

    [Fact]
    public void An_update_that_switches_the_venv_is_not_a_use()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name quiet -PythonVersion 3.12").AssertSuccess();
        LastStartedDaysAgo(ps, "quiet", 100);

        ps.Run("Add-CodeEnvPackage quiet beta -Update").AssertSuccess();

        Assert.InRange((DateTimeOffset.UtcNow - LastUsed(ps, "quiet")).TotalDays, 99.9, 100.1);
    }

    [Fact]
    public void An_env_without_a_venv_has_no_LastUsed()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name planned -PythonVersion 3.12 -NoInstall").AssertSuccess();
        Assert.Null(ps.Run("(Get-CodeEnv planned).LastUsed").AssertSuccess().Output.Single()?.BaseObject);
    }
}
