using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>The smaller holes of the security review, each run as found.</summary>
public class SmallerHoleTests
{
    [Fact]
    public void Turning_Jupyter_support_on_over_a_requested_ipykernel_line_is_refused_with_the_fix()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name nb -PythonVersion 3.12 -NoInstall -Requirement 'ipykernel==6.29.5'").AssertSuccess();

        var error = ps.Run("Set-CodeEnv nb -JupyterSupport $true").AssertError("BasePackageRequested", ErrorCategory.InvalidArgument);

        Assert.Contains("Remove-CodeEnvPackage -Name nb -PackageName ipykernel", error.Exception.Message);
        ps.Run("Remove-CodeEnvPackage nb -PackageName ipykernel; Set-CodeEnv nb -JupyterSupport $true").AssertSuccess();
        Assert.Equal(new[] { "ipykernel" }, ps.Run("Get-CodeEnvPackage nb | ForEach-Object Line").AssertSuccess().Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_requested_line_stuck_beside_the_same_base_package_can_be_removed()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name nb -PythonVersion 3.12 -NoInstall -Requirement 'ipykernel==6.29.5'").AssertSuccess();
        // What the old code let happen: Jupyter support on while the user's own ipykernel line stays.
        var envJson = Path.Combine(ps.RootPath, "envs", "nb", "env.json");
        File.WriteAllText(envJson, File.ReadAllText(envJson).Replace("\"jupyterSupport\": false", "\"jupyterSupport\": true"));

        ps.Run("Remove-CodeEnvPackage nb -PackageName ipykernel").AssertSuccess();

        Assert.Equal(new[] { "Base:ipykernel" }, ps.Run("Get-CodeEnvPackage nb | ForEach-Object { '' + $_.Kind + ':' + $_.Line }").AssertSuccess().Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Get_CodeEnv_ContainerConfig_reports_an_env_it_cannot_read_instead_of_skipping_it()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim; New-CodeEnv a -PythonVersion 3.12 -NoInstall -ContainerSelection All; New-CodeEnv b -PythonVersion 3.12 -NoInstall").AssertSuccess();
        File.WriteAllText(Path.Combine(ps.RootPath, "envs", "b", "env.json"), "{ damaged");

        var result = ps.Run("Get-CodeEnv -ContainerConfig slim");

        Assert.Equal(new[] { "a" }, result.Output.Select(o => o.Get<string>("Name")));
        Assert.Equal("EnvironmentFileDamaged", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void A_container_config_is_not_removed_while_an_env_that_may_select_it_cannot_be_read()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim; New-CodeEnv b -PythonVersion 3.12 -NoInstall -ContainerSelection Selected -ContainerConfig slim").AssertSuccess();
        File.WriteAllText(Path.Combine(ps.RootPath, "envs", "b", "env.json"), "{ damaged");

        ps.Run("Remove-CodeEnvContainerConfig slim -Force -Confirm:$false").AssertError("ContainerConfigUseUnknown", ErrorCategory.InvalidData);

        Assert.Equal(new[] { "slim" }, ps.Run("Get-CodeEnvContainerConfig | ForEach-Object ConfigName").AssertSuccess().Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_number_where_a_state_name_belongs_is_a_damaged_file_not_a_value()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name odd -PythonVersion 3.12 -NoInstall").AssertSuccess();
        var statusJson = Path.Combine(ps.RootPath, "envs", "odd", "status.json");
        File.WriteAllText(statusJson, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(statusJson), "\"state\": \"[A-Za-z]+\"", "\"state\": 12345"));

        var error = ps.Run("Get-CodeEnv odd").AssertError("StatusFileDamaged", ErrorCategory.InvalidData);

        Assert.Contains(statusJson, error.Exception.Message);
    }
}
