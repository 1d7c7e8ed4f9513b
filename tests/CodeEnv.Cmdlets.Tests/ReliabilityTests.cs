using System.Diagnostics;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>Nothing lost under concurrency and crashes, proven with real, separate codeenv processes.</summary>
public class ReliabilityTests
{
    // Enough separate processes at once that each must wait for the lock behind several others, and few enough that 2
    // cores start them all (a codeenv process costs about 1 s of CPU to start, plus its interpreter probes) well within
    // the wait. Twenty proved no more than eight and cost the suite a minute of its two cores.
    private const int Jobs = 8;

    private static string[] Command(string root, string script) => new[] { "-Command", $"$PSDefaultParameterValues['*-CodeEnv*:Root'] = '{root}'; {script}" };

    private static List<ShellProcess.Result> RunAtOnce(int count, Func<int, string[]> arguments)
    {
        var processes = Enumerable.Range(0, count).Select(i => ShellProcess.Start(arguments(i))).ToList();
        var results = processes.Select(ShellProcess.Wait).ToList();
        processes.ForEach(p => p.Dispose());
        return results;
    }

    /// <summary>An env whose next update stalls inside pip for as long as the returned file exists (see <see cref="StallingPackage"/>).</summary>
    private static string EnvWithStallingPackage(PowerShellSession ps, string name)
    {
        var stall = StallingPackage.Write(ps);
        ps.Run($"New-CodeEnv -Name {name} -PythonVersion 3.11 -Requirement alpha; Add-CodeEnvPackage {name} stalling").AssertSuccess();
        return stall;
    }

    private static void WaitUntilPipStalls(PowerShellSession ps, string name, Func<bool>? also = null) => StallingPackage.WaitUntilPipStalls(ps, name, also);

    [Fact]
    public void Eight_processes_creating_one_name_at_once_leave_exactly_one_intact_env()
    {
        using var ps = new PowerShellSession();
        var results = RunAtOnce(Jobs, i => Command(ps.RootPath, $"New-CodeEnv -Name {(i % 2 == 0 ? "Race" : "race")} -PythonVersion 3.12 | Out-Null"));

        Assert.Single(results, r => r.ExitCode == 0);
        var losers = results.Where(r => r.ExitCode != 0).ToList();
        Assert.Equal(Jobs - 1, losers.Count);
        Assert.All(losers, r => Assert.Contains("already exists", r.Error));
        var env = ps.Run("Get-CodeEnv").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("Ready", env.Get<string>("State"));
        Assert.Equal("Healthy", ps.Run("Test-CodeEnv race").Single("CodeEnv.HealthReport").Get<string>("Status"));
        Assert.Single(Directory.GetDirectories(Path.Combine(ps.RootPath, "envs")));
    }

    [Fact]
    public void Eight_processes_adding_one_package_each_lose_no_update()
    {
        using var ps = new PowerShellSession();
        ps.Run("Set-CodeEnvRoot -LockTimeoutSeconds 600; New-CodeEnv -Name busy -PythonVersion 3.12 -NoInstall").AssertSuccess();

        var results = RunAtOnce(Jobs, i => Command(ps.RootPath, $"Add-CodeEnvPackage -Name busy -Requirement 'package-{i:00}'"));

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        var requested = ps.Run("Get-CodeEnvPackage busy | ForEach-Object Line").AssertSuccess().Output.Select(o => o.ToString()).ToList();
        Assert.Equal(Enumerable.Range(0, Jobs).Select(i => $"package-{i:00}"), requested.OrderBy(l => l));
        var history = ps.Run("Get-CodeEnvHistory busy").AssertSuccess().Output;
        Assert.Equal(Enumerable.Range(1, Jobs + 1).Reverse(), history.Select(h => h.Get<int>("Revision")));
        Assert.Equal(Jobs, history.Count(h => h.Get<string>("Operation") == "Add-CodeEnvPackage"));
    }

    [Fact]
    public void Eight_cron_jobs_adding_packages_while_pip_runs_all_succeed_with_the_default_wait_and_never_wait_for_pip()
    {
        using var ps = PackageSession.Create();
        var stall = EnvWithStallingPackage(ps, "race");

        using var update = ShellProcess.Start(Command(ps.RootPath, "Update-CodeEnv race"));
        WaitUntilPipStalls(ps, "race");

        // pip is stalled for as long as the file exists: every job must finish while it still runs.
        var results = RunAtOnce(Jobs, i => Command(ps.RootPath, $"Add-CodeEnvPackage -Name race -Requirement 'filler{i:00}'"));
        Assert.False(update.HasExited, "The update ended before the jobs; the test proves nothing.");
        File.Delete(stall);
        var updated = ShellProcess.Wait(update);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        var requested = ps.Run("Get-CodeEnvPackage race -Kind Requested | ForEach-Object Line").AssertSuccess().Output.Select(o => o.ToString()).ToList();
        Assert.Equal(Enumerable.Range(0, Jobs).Select(i => $"filler{i:00}").Concat(new[] { "alpha", "stalling" }).OrderBy(l => l), requested.OrderBy(l => l));
        Assert.True(updated.ExitCode == 0, updated.Error);
        // What pip installed is no longer what is asked for: the env says so instead of claiming Ready.
        var env = ps.Run("Get-CodeEnv race").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("Outdated", env.Get<string>("State"));
        Assert.Contains("changed", env.Get<string>("StateDetail"));
    }

    [Fact]
    public void A_pip_orphaned_by_a_killed_update_is_ended_by_the_next_holder_of_the_venv_lock()
    {
        using var ps = PackageSession.Create();
        EnvWithStallingPackage(ps, "work");
        var holderFile = Path.Combine(ps.RootPath, "state", "locks", "work.venv.lock.holder.json");

        int group;
        using (var update = ShellProcess.Start(Command(ps.RootPath, "Update-CodeEnv work")))
        {
            WaitUntilPipStalls(ps, "work", () => File.Exists(holderFile) && JObject.Parse(ReadShared(holderFile))["childProcessGroup"] != null);
            group = JObject.Parse(ReadShared(holderFile))["childProcessGroup"]!.Value<int>();
            update.Kill(entireProcessTree: false); // SIGKILL to codeenv alone: its pip is re-parented and runs on
            update.WaitForExit();
        }

        Thread.Sleep(500);
        Assert.NotEmpty(MembersOf(group));

        var removal = ps.Run("Remove-CodeEnv work -Confirm:$false -Verbose");

        removal.AssertSuccess();
        Assert.Contains(removal.Warnings, w => w.Contains($"process group {group}"));
        var deadline = Stopwatch.StartNew();
        while (MembersOf(group).Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(100);
        }

        Assert.Empty(MembersOf(group));
    }

    [Fact]
    public void The_next_holder_of_an_env_lock_sweeps_the_temp_files_and_trash_a_killed_holder_left()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name left -PythonVersion 3.12 -NoInstall").AssertSuccess();
        // What SIGKILL leaves mid-write and mid-removal: the holder record (its Dispose never ran), a temp file of an
        // atomic write, and a renamed folder in the trash.
        var locks = Path.Combine(ps.RootPath, "state", "locks");
        File.WriteAllText(Path.Combine(locks, "left.lock.holder.json"), new JObject { ["operation"] = "Remove-CodeEnv", ["user"] = "root", ["processId"] = 999999, ["host"] = System.Environment.MachineName, ["since"] = "2026-01-01T00:00:00+00:00" }.ToString());
        var temp = Path.Combine(ps.RootPath, "envs", "left", ".env.json.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(temp, "{ half");
        var trashed = Path.Combine(ps.RootPath, "state", "trash", "left.env.0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(trashed, "venv"));
        var othersTrash = Path.Combine(ps.RootPath, "state", "trash", "left-over.env.0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(othersTrash);

        var result = ps.Run("Set-CodeEnv left -Description 'after the crash' -Verbose");

        result.AssertSuccess();
        Assert.False(File.Exists(temp));
        Assert.False(Directory.Exists(trashed));
        Assert.True(Directory.Exists(othersTrash), "the trash of another env (left-over) is that env's lock's to sweep");
        Assert.Contains(result.Verbose, v => v.Contains("interrupted process"));
    }

    // The processes whose process group is <paramref name="group"/>, read from /proc.
    private static List<int> MembersOf(int group) =>
        Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Where(pid =>
            {
                try
                {
                    var stat = File.ReadAllText($"/proc/{pid}/stat");
                    var fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
                    return fields[0] != "Z" && fields[2] == group.ToString();
                }
                catch (IOException)
                {
                    return false;
                }
            })
            .ToList();

    /// <summary>An env 'held' whose lock another process holds (flock(1), as CodeEnv's own lock is) for <paramref name="seconds"/>.</summary>
    private static Process HoldEnvLock(PowerShellSession ps, int seconds)
    {
        ps.Run("New-CodeEnv -Name held -PythonVersion 3.12 -NoInstall").AssertSuccess();
        var lockFile = Path.Combine(ps.RootPath, "state", "locks", "held.lock");
        var holder = Process.Start(new ProcessStartInfo("flock", new[] { lockFile, "sleep", seconds.ToString() }))!;
        Thread.Sleep(500);
        return holder;
    }

    [Fact]
    public void Ctrl_C_stops_a_waiter_at_once()
    {
        using var ps = new PowerShellSession();
        using var holder = HoldEnvLock(ps, 60);
        using var waiter = ps.Start("Add-CodeEnvPackage held -Requirement alpha");
        Thread.Sleep(1500);
        Assert.Equal(System.Management.Automation.PSInvocationState.Running, waiter.InvocationStateInfo.State);

        var clock = Stopwatch.StartNew();
        waiter.Stop(); // what Ctrl+C does in a host

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "stopping took " + clock.Elapsed);
        Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, waiter.InvocationStateInfo.State);
        holder.Kill();
        Assert.DoesNotContain("alpha", ps.Run("Get-CodeEnvPackage held | ForEach-Object Line").AssertSuccess().Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_waiter_names_the_holder_and_takes_the_lock_when_it_is_released()
    {
        using var ps = new PowerShellSession();
        using var holder = HoldEnvLock(ps, 3);

        var result = ps.Run("Add-CodeEnvPackage held -Requirement alpha -Verbose");

        result.AssertSuccess();
        Assert.Contains(result.Verbose, v => v.Contains("is locked by") && v.Contains("waiting for it"));
        Assert.Contains(result.Progress, p => p.Activity == "Waiting for a lock" && p.RecordType == System.Management.Automation.ProgressRecordType.Processing);
        Assert.Contains(result.Progress, p => p.Activity == "Waiting for a lock" && p.RecordType == System.Management.Automation.ProgressRecordType.Completed);
        Assert.Contains(result.Verbose, v => v.StartsWith("Add-CodeEnvPackage held the lock of 'held' for ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_update_killed_with_SIGKILL_leaves_the_env_intact_interrupted_and_updatable()
    {
        using var ps = PackageSession.Create();
        var stall = EnvWithStallingPackage(ps, "work");
        var envJson = Path.Combine(ps.RootPath, "envs", "work", "env.json");
        var statusJson = Path.Combine(ps.RootPath, "envs", "work", "status.json");

        // The stalled build lets the process be killed half-way through pip.
        using (var update = ShellProcess.Start(Command(ps.RootPath, "Update-CodeEnv work")))
        {
            WaitUntilPipStalls(ps, "work", () => File.ReadAllText(statusJson).Contains("\"Updating\""));
            Thread.Sleep(1000);
            update.Kill(entireProcessTree: true); // SIGKILL, to the shell and the pip it started
            update.WaitForExit();
        }

        JObject.Parse(File.ReadAllText(envJson));
        JObject.Parse(File.ReadAllText(statusJson));
        var env = ps.Run("Get-CodeEnv work").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("Interrupted", env.Get<string>("State"));
        File.Delete(stall);

        var next = ps.Run("Update-CodeEnv work -PassThru").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("Ready", next.Get<string>("State"));
        Assert.Contains(ps.Run("Get-CodeEnvInstalledPackage work").Output, p => p.Get<string>("Name") == "stalling");
    }

    [Fact]
    public void A_creation_killed_with_SIGKILL_does_not_block_the_name()
    {
        using var ps = new PowerShellSession();
        // The first venv generation is being built; the stable venv path appears only when it is switched to.
        var venv = Path.Combine(ps.RootPath, "envs", "half", "venvs", "1");
        using (var create = ShellProcess.Start(Command(ps.RootPath, "New-CodeEnv -Name half -PythonVersion 3.12")))
        {
            Patience.WaitUntil(() => Directory.Exists(venv), "The creation never started the venv.");

            create.Kill(entireProcessTree: true);
            create.WaitForExit();
        }

        Assert.Equal("Interrupted", ps.Run("Get-CodeEnv half").Single("CodeEnv.EnvironmentInfo").Get<string>("State"));
        var again = ShellProcess.Run(Command(ps.RootPath, "New-CodeEnv -Name half -PythonVersion 3.12 | ForEach-Object State"));
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("Cleaning up an interrupted creation", again.Error);
        Assert.Equal("Ready", again.Output.Trim());
    }

    [Fact]
    public void A_damaged_env_json_is_named_in_the_error_other_envs_keep_working_and_it_is_not_overwritten()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name good -PythonVersion 3.12 -NoInstall; New-CodeEnv -Name bad -PythonVersion 3.12 -NoInstall").AssertSuccess();
        var badJson = Path.Combine(ps.RootPath, "envs", "bad", "env.json");
        foreach (var damage in new[] { "{\"schemaVersion\": 1, \"name\": \"bad\", \"revis", "{\"schemaVersion\": 1, \"name\": \"bad\", \"revision\": \"three\"}", "[]", "" })
        {
            File.WriteAllText(badJson, damage);

            var listing = ShellProcess.Run(Command(ps.RootPath, "Get-CodeEnv | ForEach-Object Name"));
            Assert.Equal("good", listing.Output.Trim());
            Assert.Contains(badJson, listing.Error);
            var change = ps.Run("Set-CodeEnv bad -Description x");
            Assert.Contains(badJson, change.AllErrors.Single().Exception.Message);
            Assert.Equal(damage, File.ReadAllText(badJson));
            ps.Run("Set-CodeEnv good -Description ok").AssertSuccess();
        }

        ps.Run("Remove-CodeEnv bad -Force -Confirm:$false").AssertSuccess();
        Assert.Equal("good", ps.Run("Get-CodeEnv").Single("CodeEnv.EnvironmentInfo").Get<string>("Name"));
    }

    [Fact]
    public void A_damaged_codeenv_json_is_a_clear_error_naming_it()
    {
        using var ps = new PowerShellSession();
        var settings = Path.Combine(ps.RootPath, "codeenv.json");
        File.WriteAllText(settings, "{ \"schemaVersion\": 1, \"administrators\": 5 ");
        var result = ShellProcess.Run(Command(ps.RootPath, "Get-CodeEnvRoot"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(settings, result.Error);
        Assert.Equal("{ \"schemaVersion\": 1, \"administrators\": 5 ", File.ReadAllText(settings));
    }

    [AsRootFact] // mounting a small tmpfs needs root; elsewhere it is reported as skipped, not as passed
    public void A_full_disk_during_a_write_is_an_error_and_the_previous_env_json_survives()
    {
        using var folder = new TempFolder();
        var mount = folder.Combine("small");
        Directory.CreateDirectory(mount);
        Assert.Equal(0, ChildProcess.Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount).ExitCode);
        try
        {
            using var ps = new PowerShellSession(initializeRoot: false);
            var root = Path.Combine(mount, "root");
            ps.Run("Initialize-CodeEnvRoot -Path $args[0] | Out-Null; $PSDefaultParameterValues['*-CodeEnv*:Root'] = $args[0]; New-CodeEnv -Name full -PythonVersion 3.12 -NoInstall", root).AssertSuccess();
            var envJson = Path.Combine(root, "envs", "full", "env.json");
            var before = File.ReadAllText(envJson);
            // Fill the file system, then ask for a change that needs more room than is left.
            ChildProcess.Run("dd", "if=/dev/zero", "of=" + Path.Combine(mount, "filler"), "bs=4k");

            var error = ps.Run("Set-CodeEnv full -Description ('x' * 4000)").AllErrors.Single();

            Assert.Contains("No space left on device", error.Exception.Message);
            Assert.Equal(before, File.ReadAllText(envJson));
            Assert.Equal("", ps.Run("(Get-CodeEnv full).Description").AssertSuccess().Output.Single().ToString());
        }
        finally
        {
            // Lazily when still busy (the engine may hold a lock file there until the runspace is gone): a plain umount
            // failed there and left one tmpfs mounted under /tmp per run.
            ChildProcess.Run("umount", "--lazy", mount);
        }
    }

    private static string ReadShared(string path) => StallingPackage.ReadShared(path);
}
