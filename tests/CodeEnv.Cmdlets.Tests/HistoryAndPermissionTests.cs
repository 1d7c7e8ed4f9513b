using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class HistoryAndPermissionTests
{
    [Fact]
    public void History_lists_every_revision_newest_first_with_who_which_cmdlet_and_what_changed()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name h -PythonVersion 3.12 -NoInstall").AssertSuccess();
        ps.Run("Set-CodeEnvPackage h 'alpha', 'beta'").AssertSuccess();
        ps.Run("Set-CodeEnvPackage h 'alpha==2.0', 'beta'").AssertSuccess();
        ps.Run("Grant-CodeEnvPermission h -Group analysts -Permission UpdatePackages").AssertSuccess();

        var history = ps.Run("Get-CodeEnvHistory h").AssertSuccess().Output;

        Assert.Equal(new[] { 4, 3, 2, 1 }, history.Select(h => h.Get<int>("Revision")));
        Assert.Equal(new[] { "Grant-CodeEnvPermission", "Set-CodeEnvPackage", "Set-CodeEnvPackage", "New-CodeEnv" }, history.Select(h => h.Get<string>("Operation")));
        Assert.All(history, h => Assert.Equal(System.Environment.UserName, h.Get<string>("ChangedBy")));
        Assert.Equal("requestedPackages: changed alpha -> alpha==2.0", Assert.Single(history[1].Get<string[]>("Changes")));
        Assert.Equal("requestedPackages: added alpha, beta", Assert.Single(history[2].Get<string[]>("Changes")));
        Assert.StartsWith("groupPermissions: added {\"group\":\"analysts\"", Assert.Single(history[0].Get<string[]>("Changes")));
    }

    [Fact]
    public void Restore_with_DefinitionOnly_brings_an_earlier_definition_back_as_a_new_revision_and_marks_the_env_Outdated()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name h -PythonVersion 3.12 -NoInstall").AssertSuccess();
        ps.Run("Set-CodeEnvPackage h 'alpha'").AssertSuccess();
        ps.Run("Set-CodeEnvPackage h 'beta'; Set-CodeEnv h -Description 'later'").AssertSuccess();

        var restored = ps.Run("Restore-CodeEnv h -Revision 2 -DefinitionOnly -PassThru").Single("CodeEnv.EnvironmentInfo");

        Assert.Equal(5, restored.Get<int>("Revision"));
        Assert.Equal("Outdated", restored.Get<string>("State"));
        Assert.Equal("", restored.Get<string>("Description"));
        Assert.Equal(new[] { "alpha" }, ps.Run("Get-CodeEnvPackage h | ForEach-Object Line").Output.Select(o => o.ToString()));
        Assert.Equal(5, ps.Run("Get-CodeEnvHistory h").Output.Count);
        ps.Run("Restore-CodeEnv h -Revision 9").AssertError("RevisionNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void Root_settings_keep_their_history_too()
    {
        using var ps = new PowerShellSession();
        ps.Run("Set-CodeEnvRoot -BasePackage 'numpy'; Set-CodeEnvRoot -NoIndex; Set-CodeEnvRoot -NoIndex").AssertSuccess();

        var history = ps.Run("Get-CodeEnvHistory").AssertSuccess().Output;

        Assert.Equal(new[] { 3, 2, 1 }, history.Select(h => h.Get<int>("Revision")));
        Assert.Equal("packageSources.noIndex: false -> true", Assert.Single(history[0].Get<string[]>("Changes")));
        Assert.Equal("basePackages: added numpy", Assert.Single(history[1].Get<string[]>("Changes")));
    }

    [Fact]
    public void Initialize_CodeEnvRoot_writes_the_history_entry_of_revision_1()
    {
        using var ps = new PowerShellSession();

        var first = ps.Run("Get-CodeEnvHistory").AssertSuccess().Output.Single();

        Assert.Equal(1, first.Get<int>("Revision"));
        Assert.Equal("Initialize-CodeEnvRoot", first.Get<string>("Operation"));
        Assert.Equal(System.Environment.UserName, first.Get<string>("ChangedBy"));
        Assert.NotEmpty(first.Get<string[]>("Changes"));
    }

    [Fact]
    public void The_last_administrator_cannot_be_removed()
    {
        using var ps = new PowerShellSession();
        ps.Run("Set-CodeEnvRoot -Administrator @()").AssertError("LastAdministrator", ErrorCategory.InvalidArgument);
        ps.Run("Set-CodeEnvRoot -Administrator ' '").AssertError("LastAdministrator", ErrorCategory.InvalidArgument);
        Assert.Equal(new[] { System.Environment.UserName }, ps.Run("(Get-CodeEnvRoot).Administrators").Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Granting_a_right_grants_the_rights_it_implies_and_revoking_takes_those_that_imply_it()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name p -PythonVersion 3.12 -NoInstall").AssertSuccess();

        ps.Run("Grant-CodeEnvPermission p analysts ManageUsers").AssertSuccess();
        var granted = ps.Run("Get-CodeEnvPermission p | Where-Object Principal -eq analysts").AssertSuccess().Output.Single();
        Assert.True(granted.Get<bool>("Use") && granted.Get<bool>("UpdatePackages") && granted.Get<bool>("ManageUsers"));

        ps.Run("Revoke-CodeEnvPermission p analysts UpdatePackages").AssertSuccess();
        var revoked = ps.Run("Get-CodeEnvPermission p | Where-Object Principal -eq analysts").AssertSuccess().Output.Single();
        Assert.True(revoked.Get<bool>("Use"));
        Assert.False(revoked.Get<bool>("UpdatePackages") || revoked.Get<bool>("ManageUsers"));

        ps.Run("Revoke-CodeEnvPermission p analysts").AssertSuccess();
        var kinds = ps.Run("Get-CodeEnvPermission p | ForEach-Object { '{0}:{1}' -f $_.Kind, $_.Principal }").AssertSuccess().Output.Select(o => o.ToString());
        Assert.Equal(new[] { $"Owner:{System.Environment.UserName}", "AllUsers:*" }, kinds);
    }

    [Fact]
    public void Invoke_CodeEnvPython_streams_output_and_sets_LASTEXITCODE()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name run -PythonVersion 3.12").AssertSuccess();

        var result = ps.Run("Invoke-CodeEnvPython run -ArgumentList '-c', 'import sys; print(sys.prefix); print(\"two\"); sys.stderr.write(\"warn\\n\"); sys.exit(3)'; \"exit=$LASTEXITCODE\"").AssertSuccess();

        var lines = result.Output.Select(o => o.ToString()).ToList();
        Assert.EndsWith("/envs/run/venvs/1", lines[0]);
        Assert.Equal(new[] { "two", "exit=3" }, lines.Skip(1));
    }

    [Fact]
    public void Invoke_CodeEnvPython_on_an_env_without_a_venv_says_how_to_build_it()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name later -PythonVersion 3.12 -NoInstall").AssertSuccess();
        var error = ps.Run("Invoke-CodeEnvPython later -ArgumentList '-V'").AssertError("VenvMissing", ErrorCategory.InvalidOperation);
        Assert.Contains("Update-CodeEnv -Name later", error.Exception.Message);
    }
}
