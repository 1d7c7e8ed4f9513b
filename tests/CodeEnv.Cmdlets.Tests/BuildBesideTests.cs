using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Updates build the next venv beside the one that serves and switch the stable path in one step; earlier venvs are
/// kept for a restore that is a switch. Proven with real Python processes started from the env's stable path, real pip
/// runs and a real codeenv process killed mid-update.
/// </summary>
public class BuildBesideTests
{
    private const string ImportBeta = "import beta, sys; print(beta.__version__); print(sys.prefix)";

    private static string[] Command(string root, string script) => new[] { "-Command", $"$PSDefaultParameterValues['*-CodeEnv*:Root'] = '{root}'; {script}" };

    private static (string Version, string Prefix) RunBeta(string python)
    {
        var run = ChildProcess.Run(python, "-c", ImportBeta);
        Assert.True(run.ExitCode == 0, run.Output);
        var lines = run.Output.Trim().Split('\n');
        return (lines[0].Trim(), lines[1].Trim());
    }

    private static string Venvs(PowerShellSession ps, string name) => Path.Combine(ps.RootPath, "envs", name, "venvs");

    private static string PythonOf(PowerShellSession ps, string name) => ps.Run("(Get-CodeEnv $args[0]).PythonPath", name).AssertSuccess().Output.Single().ToString();

    [Fact]
    public void A_process_started_before_an_update_keeps_importing_the_old_version_after_the_switch()
    {
        using var ps = PackageSession.Create();
        var python = ps.Run("New-CodeEnv -Name live -PythonVersion 3.12 -Requirement 'beta==1.0'").Single("CodeEnv.EnvironmentInfo").Get<string>("PythonPath");
        var go = ps.Scratch("go");
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardInput = true };
        // It imports beta only after the switch, as a long job does with a module it first needs late.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"import os, sys, time\nprint(sys.prefix, flush=True)\nwhile not os.path.exists({System.Text.Json.JsonSerializer.Serialize(go)}): time.sleep(0.05)\n{ImportBeta}");
        using var running = Process.Start(start)!;
        var prefixBefore = running.StandardOutput.ReadLine()!;

        ps.Run("Set-CodeEnvPackage live 'beta==1.5' -Update").AssertSuccess();
        File.WriteAllText(go, "");
        var later = running.StandardOutput.ReadToEnd().Trim().Split('\n');
        running.WaitForExit();

        Assert.Equal("1.0", later[0].Trim());
        Assert.Equal(prefixBefore, later[1].Trim());
        // The process runs from its generation's real folder, not through the stable path.
        Assert.Equal(Path.Combine(Venvs(ps, "live"), "1"), prefixBefore);
        var (version, prefix) = RunBeta(python);
        Assert.Equal("1.5", version);
        Assert.Equal(Path.Combine(Venvs(ps, "live"), "2"), prefix);
    }

    [Fact]
    public void A_failed_pip_run_leaves_the_env_serving_the_venv_it_had()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name steady -PythonVersion 3.12 -Requirement 'beta==1.0'").AssertSuccess();

        ps.Run("Set-CodeEnvPackage steady 'beta==1.0', 'no-such-package' -Update").AssertError("PythonCommandFailed", System.Management.Automation.ErrorCategory.InvalidOperation);

        var env = ps.Run("Get-CodeEnv steady").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("Failed", env.Get<string>("State"));
        Assert.Contains("no-such-package", env.Get<string>("StateDetail"));
        Assert.Contains("keeps serving", env.Get<string>("StateDetail"));
        Assert.Equal("1.0", ps.Run("Invoke-CodeEnvPython steady -ArgumentList '-c', 'import beta; print(beta.__version__)'").AssertSuccess().Output.Single().ToString());
        // The failed build is gone; only generation 1 and its entry points and record remain.
        Assert.Equal(new[] { "1", "1.entry", "1.installed.json" }, Directory.GetFileSystemEntries(Venvs(ps, "steady")).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void An_update_killed_inside_pip_leaves_the_previous_venv_serving_and_the_next_update_sweeps_its_build()
    {
        using var ps = PackageSession.Create();
        var stall = StallingPackage.Write(ps);
        var python = ps.Run("New-CodeEnv -Name work -PythonVersion 3.11 -Requirement 'beta==1.0'").Single("CodeEnv.EnvironmentInfo").Get<string>("PythonPath");
        ps.Run("Add-CodeEnvPackage work stalling").AssertSuccess();

        using (var update = ShellProcess.Start(Command(ps.RootPath, "Update-CodeEnv work")))
        {
            StallingPackage.WaitUntilPipStalls(ps, "work");
            update.Kill(entireProcessTree: true);
            update.WaitForExit();
        }

        Assert.Equal("1.0", RunBeta(python).Version);
        Assert.Equal("Interrupted", ps.Run("Get-CodeEnv work").Single("CodeEnv.EnvironmentInfo").Get<string>("State"));
        var killedBuild = Path.Combine(Venvs(ps, "work"), "2");
        Assert.True(Directory.Exists(killedBuild), "The killed build left no folder; the test proves nothing.");
        var mark = Path.Combine(killedBuild, "left-by-the-killed-build");
        File.WriteAllText(mark, "");

        File.Delete(stall);
        ps.Run("Update-CodeEnv work").AssertSuccess();

        Assert.Equal("Ready", ps.Run("Get-CodeEnv work").Single("CodeEnv.EnvironmentInfo").Get<string>("State"));
        Assert.Equal(0, ChildProcess.Run(python, "-c", "import stalling").ExitCode);
        Assert.False(File.Exists(mark), "The killed build's folder was not swept.");
        // Every generation left is complete: it has the record of what it was built from.
        Assert.All(
            Directory.GetDirectories(Venvs(ps, "work")).Where(d => !d.EndsWith(".entry", StringComparison.Ordinal)),
            d => Assert.True(File.Exists(d + ".installed.json"), d));
    }

    [Fact]
    public void Restore_to_a_revision_with_a_kept_venv_switches_back_without_pip()
    {
        using var ps = PackageSession.Create();
        var python = ps.Run("New-CodeEnv -Name back -PythonVersion 3.12 -Requirement 'beta==1.0'").Single("CodeEnv.EnvironmentInfo").Get<string>("PythonPath");
        ps.Run("Set-CodeEnvPackage back 'beta==1.5' -Update").AssertSuccess();
        var logs = Directory.GetFiles(Path.Combine(ps.RootPath, "envs", "back", "logs")).Length;
        Assert.Equal(new[] { true, true }, ps.Run("Get-CodeEnvHistory back | ForEach-Object HasKeptVenv").Output.Select(o => (bool)o.BaseObject));

        var restored = ps.Run("Restore-CodeEnv back -Revision 1 -PassThru").Single("CodeEnv.EnvironmentInfo");

        Assert.Equal("Ready", restored.Get<string>("State"));
        Assert.Equal(3, restored.Get<int>("Revision"));
        Assert.Equal(logs, Directory.GetFiles(Path.Combine(ps.RootPath, "envs", "back", "logs")).Length);
        Assert.Equal(("1.0", Path.Combine(Venvs(ps, "back"), "1")), RunBeta(python));
        Assert.Equal("beta==1.0", ps.Run("Get-CodeEnvInstalledPackage back | Where-Object Name -eq beta | ForEach-Object { \"$($_.Name)==$($_.Version)\" }").Output.Single().ToString());
        Assert.Equal("Healthy", ps.Run("Test-CodeEnv back").Single("CodeEnv.HealthReport").Get<string>("Status"));
    }

    [Fact]
    public void Restore_of_a_revision_whose_venv_is_gone_rebuilds_exactly_the_versions_it_had()
    {
        using var ps = PackageSession.Create();
        ps.Run("Set-CodeEnvRoot -KeptVenvs 0").AssertSuccess();
        ps.Run("New-CodeEnv -Name exact -PythonVersion 3.12 -Requirement 'gamma'").AssertSuccess();
        ps.Run("Set-CodeEnvPackage exact 'delta' -Update").AssertSuccess();
        // A newer gamma appears after revision 1 was installed: a plain reinstall of revision 1's line would take it.
        WheelBuilder.Write(ps.Scratch("links"), "gamma", "2.0");
        Assert.Equal(new[] { false, false }, ps.Run("Get-CodeEnvHistory exact | Where-Object Revision -eq 1 | ForEach-Object HasKeptVenv; (Get-CodeEnv exact).KeptVenvsSize -gt 0").Output.Select(o => (bool)o.BaseObject));

        ps.Run("Restore-CodeEnv exact -Revision 1").AssertSuccess();

        Assert.Equal("gamma==1.0", ps.Run("Get-CodeEnvInstalledPackage exact | Where-Object Name -eq gamma | ForEach-Object { \"$($_.Name)==$($_.Version)\" }").Output.Single().ToString());
        Assert.Equal("Ready", ps.Run("Get-CodeEnv exact").Single("CodeEnv.EnvironmentInfo").Get<string>("State"));
    }

    [Fact]
    public void The_root_setting_says_how_many_earlier_venvs_are_kept_and_Get_CodeEnv_counts_their_size()
    {
        using var ps = PackageSession.Create();
        ps.Run("Set-CodeEnvRoot -KeptVenvs 1").AssertSuccess();
        ps.Run("New-CodeEnv -Name kept -PythonVersion 3.12 -Requirement 'beta==1.0'").AssertSuccess();
        ps.Run("Set-CodeEnvPackage kept 'beta==1.5' -Update; Set-CodeEnvPackage kept 'beta==1.5', 'delta' -Update").AssertSuccess();

        Assert.Equal(new[] { "2", "3" }, Directory.GetDirectories(Venvs(ps, "kept")).Select(Path.GetFileName).Where(n => !n!.Contains('.')).OrderBy(n => n));
        Assert.Equal(new[] { true, true, false }, ps.Run("Get-CodeEnvHistory kept | ForEach-Object HasKeptVenv").Output.Select(o => (bool)o.BaseObject));
        var env = ps.Run("Get-CodeEnv kept").Single("CodeEnv.EnvironmentInfo");
        Assert.InRange(env.Get<long>("VenvSize"), 1_000_000, 500_000_000);
        Assert.InRange(env.Get<long>("KeptVenvsSize"), 1_000_000, 500_000_000);
        Assert.Equal(1, ps.Run("(Get-CodeEnvRoot).KeptVenvs").Output.Select(o => (int)o.BaseObject).Single());
        ps.Run("Set-CodeEnvRoot -KeptVenvs 101").AssertError("KeptVenvsInvalid", System.Management.Automation.ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void A_venv_made_in_place_by_an_earlier_CodeEnv_is_switched_to_the_new_layout_by_its_next_update()
    {
        using var ps = PackageSession.Create();
        var env = ps.Run("New-CodeEnv -Name older -PythonVersion 3.12 -Requirement 'beta==1.0'").Single("CodeEnv.EnvironmentInfo");
        // What an earlier CodeEnv left: a real venv at the stable path, made by python -m venv.
        var folder = Path.Combine(ps.RootPath, "envs", "older");
        File.Delete(Path.Combine(folder, "venv"));
        Directory.Delete(Path.Combine(folder, "venvs"), recursive: true);
        Assert.Equal(0, ChildProcess.Run(env.Get<string>("Interpreter"), "-m", "venv", Path.Combine(folder, "venv")).ExitCode);

        ps.Run("Set-CodeEnvPackage older 'beta==1.5' -Update").AssertSuccess();

        Assert.Equal("venvs/1.entry", new FileInfo(Path.Combine(folder, "venv")).LinkTarget);
        Assert.Equal(("1.5", Path.Combine(folder, "venvs", "1")), RunBeta(env.Get<string>("PythonPath")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(ps.RootPath, "state", "trash")));
    }
}
