using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class RemoveCodeEnvTests
{
    [Fact]
    public void Remove_CodeEnv_removes_the_venv_and_metadata_and_frees_the_name()
    {
        using var ps = new PowerShellSession();
        var env = ps.Run("New-CodeEnv -Name temp -PythonVersion 3.12").Single("CodeEnv.EnvironmentInfo");
        ps.Run("Remove-CodeEnv -Name temp -Confirm:$false").AssertSuccess();
        Assert.False(Directory.Exists(env.Get<string>("Path")));
        Assert.Empty(ps.Run("Get-CodeEnv").AssertSuccess().Output);
        ps.Run("New-CodeEnv -Name TEMP -PythonVersion 3.11 -NoInstall").AssertSuccess();
    }

    [Fact]
    public void Remove_CodeEnv_WhatIf_keeps_the_env()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name keep -PythonVersion 3.11 -NoInstall").AssertSuccess();
        ps.Run("Remove-CodeEnv -Name keep -WhatIf").AssertSuccess();
        Assert.Single(ps.Run("Get-CodeEnv").AssertSuccess().Output);
    }

    [Fact]
    public void Remove_CodeEnv_takes_envs_from_the_pipeline()
    {
        using var ps = new PowerShellSession();
        ps.Run("'a1','a2','b1' | ForEach-Object { New-CodeEnv -Name $_ -PythonVersion 3.11 -NoInstall } | Out-Null").AssertSuccess();
        ps.Run("Get-CodeEnv a* | Remove-CodeEnv -Confirm:$false").AssertSuccess();
        Assert.Equal("b1", Assert.Single(ps.Run("Get-CodeEnv").AssertSuccess().Output).Get<string>("Name"));
    }

    [Fact]
    public void Remove_CodeEnv_of_a_missing_env_is_object_not_found()
    {
        using var ps = new PowerShellSession();
        ps.Run("Remove-CodeEnv -Name nothing -Confirm:$false").AssertError("CodeEnvNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void Remove_CodeEnv_Force_removes_an_env_whose_env_json_is_damaged()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name wreck -PythonVersion 3.11 -NoInstall").AssertSuccess();
        File.WriteAllText(Path.Combine(ps.RootPath, "envs", "wreck", "env.json"), "garbage");
        ps.Run("Remove-CodeEnv -Name wreck -Force -Confirm:$false").AssertSuccess();
        Assert.False(Directory.Exists(Path.Combine(ps.RootPath, "envs", "wreck")));
    }
}
