using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

public class StopUpdateTests
{
    // Unique per run, so a sleeper left by another run cannot be mistaken for this one's.
    private readonly string SleepMarker = "codeenv_test_sleeps_" + Guid.NewGuid().ToString("N");

    private bool SleeperAlive() => ProcessTable.AnyCommandLineContains(SleepMarker);

    [Fact]
    public void Stopping_an_update_kills_pip_releases_the_lock_and_leaves_the_env_Outdated()
    {
        using var ps = PackageSession.Create();
        var links = ps.Scratch("links");
        // Building this sdist starts a process that sleeps: pip is busy until it is killed.
        SdistBuilder.WriteWithInTreeBackend(links, "slow", "1.0", hookPrelude: $"import subprocess, sys\nsubprocess.call([sys.executable, '-c', 'import time; time.sleep(300)', '{SleepMarker}'])\n");
        ps.Run("New-CodeEnv -Name work -PythonVersion 3.11").AssertSuccess();
        ps.Run("Set-CodeEnvPackage work 'slow'").AssertSuccess();

        using var update = ps.Start("Update-CodeEnv work");
        Patience.WaitUntil(SleeperAlive, "pip never got to building the sdist.");
        Assert.True(update.BeginStop(null, null).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "Update-CodeEnv did not stop.");

        var env = ps.Run("Get-CodeEnv work").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("Outdated", env.Get<string>("State"));
        Assert.Contains("was stopped", env.Get<string>("StateDetail"));
        Assert.False(SleeperAlive(), "A process pip started outlived the stop.");
        var quick = Stopwatch.StartNew();
        ps.Run("Set-CodeEnv work -Description 'lock is free'").AssertSuccess();
        Assert.True(quick.Elapsed < TimeSpan.FromSeconds(5), "The lock was not released.");
        Assert.Equal(new[] { "slow" }, ps.Run("Get-CodeEnvPackage work -Kind Requested | ForEach-Object Line").Output.Select(o => o.ToString()));
    }
}
