using System.Diagnostics;
using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class SetCodeEnvTests
{
    private static PowerShellSession WithEnv(string name = "team")
    {
        var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name $args[0] -PythonVersion 3.11 -NoInstall", name).AssertSuccess();
        return ps;
    }

    [Fact]
    public void Set_CodeEnv_binds_name_and_root_by_property_name_from_Get_CodeEnv()
    {
        using var ps = WithEnv();
        var env = ps.Run("$PSDefaultParameterValues.Clear(); Get-CodeEnv -Root $args[0] | Set-CodeEnv -Description 'piped' -PassThru", ps.RootPath).Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("piped", env.Get<string>("Description"));
    }

    [Fact]
    public void Set_CodeEnv_bumps_the_revision_and_keeps_the_previous_definition_in_history()
    {
        using var ps = WithEnv();
        var env = ps.Run("Set-CodeEnv -Name team -Description 'v2' -PassThru").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal(2, env.Get<int>("Revision"));
        var history = Path.Combine(ps.RootPath, "envs", "team", "history");
        Assert.Contains("\"description\": \"\"", File.ReadAllText(Path.Combine(history, "1.json")));
        Assert.Contains("\"description\": \"v2\"", File.ReadAllText(Path.Combine(history, "2.json")));
    }

    [Fact]
    public void Set_CodeEnv_changes_owner_and_usable_by_all()
    {
        using var ps = WithEnv();
        // nobody: an account every Linux machine has, and not the caller who owns the env.
        var env = ps.Run("Set-CodeEnv -Name TEAM -Owner nobody -UsableByAll $false -PassThru").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("nobody", env.Get<string>("Owner"));
        Assert.False(env.Get<bool>("UsableByAll"));
        Assert.Equal("team", env.Get<string>("Name"));
    }

    [Fact]
    public void Set_CodeEnv_refuses_an_owner_that_is_not_an_account_of_this_machine()
    {
        using var ps = WithEnv();
        var error = ps.Run("Set-CodeEnv -Name team -Owner no-such-account-here").AssertError("OwnerAccountNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("no-such-account-here", error.TargetObject);
        Assert.Equal(1, ps.Run("(Get-CodeEnv team).Revision").AssertSuccess().Output.Single().BaseObject);
    }

    [Fact]
    public void Set_CodeEnv_without_PassThru_writes_nothing()
    {
        using var ps = WithEnv();
        Assert.Empty(ps.Run("Set-CodeEnv -Name team -Description x").AssertSuccess().Output);
    }

    [Fact]
    public void Set_CodeEnv_WhatIf_changes_nothing()
    {
        using var ps = WithEnv();
        ps.Run("Set-CodeEnv -Name team -Description x -WhatIf").AssertSuccess();
        Assert.Equal(1, ps.Run("(Get-CodeEnv team).Revision").AssertSuccess().Output.Single().BaseObject);
    }

    [Fact]
    public void Set_CodeEnv_of_a_missing_env_is_object_not_found()
    {
        using var ps = WithEnv();
        ps.Run("Set-CodeEnv -Name nobody -Description x").AssertError("CodeEnvNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void Set_CodeEnv_on_an_env_locked_by_another_process_is_resource_busy_naming_the_holder()
    {
        using var ps = WithEnv();
        ps.EditRootSettings(s => s["lockTimeoutSeconds"] = 0.5);
        var lockFile = Path.Combine(ps.RootPath, "state", "locks", "team.lock");
        File.WriteAllText(lockFile + ".holder.json", "{\"schemaVersion\":1,\"operation\":\"Update-CodeEnv\",\"user\":\"carol\",\"processId\":777,\"host\":\"build7\",\"since\":\"2026-01-01T00:00:00+00:00\"}");
        var python = ps.Run("(Get-CodeEnvPython -Version 3.11)[0].Path").AssertSuccess().Output.Single().ToString();
        using var holder = Process.Start(new ProcessStartInfo(python, new[] { "-c", $"import fcntl,time; f=open(r'{lockFile}','a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)" }) { RedirectStandardOutput = true })!;
        try
        {
            Assert.Equal("locked", holder.StandardOutput.ReadLine());
            var error = ps.Run("Set-CodeEnv -Name team -Description x").AssertError("CodeEnvBusy", ErrorCategory.ResourceBusy);
            Assert.Contains("Update-CodeEnv by carol (pid 777 on build7)", error.ToString());
        }
        finally
        {
            holder.Kill();
            holder.WaitForExit();
        }

        ps.Run("Set-CodeEnv -Name team -Description x").AssertSuccess();
    }
}
