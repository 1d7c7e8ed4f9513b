namespace CodeEnv.Cmdlets.Tests;

/// <summary>The objects cmdlets emit, used as they come: filtered by property and piped back into the cmdlets that take them.</summary>
public class ObjectRoundTripTests
{
    private static PowerShellSession WithConfigs()
    {
        var ps = new PowerShellSession();
        ps.Run("New-CodeEnvContainerConfig -ConfigName gpu -BaseImage python:3.11-slim | Out-Null; New-CodeEnvContainerConfig -ConfigName cpu -BaseImage python:3.12-slim | Out-Null").AssertSuccess();
        return ps;
    }

    [Fact]
    public void Get_CodeEnv_emits_what_New_CodeEnv_and_Set_CodeEnv_take_as_flat_properties()
    {
        using var ps = WithConfigs();
        var env = ps.Run("New-CodeEnv -Name flat -PythonVersion 3.11 -NoInstall -JupyterSupport -Requirement 'alpha==1.0' -PackageSet 'Visual Machine Learning' -ContainerSelection Selected -ContainerConfig gpu -Description d | Out-Null; Grant-CodeEnvPermission flat -Group team -Permission UpdatePackages; Get-CodeEnv flat")
            .Single("CodeEnv.EnvironmentInfo");

        Assert.True(env.Get<bool>("JupyterSupport"));
        Assert.Contains("alpha==1.0", env.Get<string[]>("RequestedPackages"));
        Assert.Equal(new[] { "Visual Machine Learning" }, env.Get<string[]>("PackageSets"));
        Assert.Equal("Selected", env.Properties["ContainerSelection"].Value.ToString());
        Assert.Equal(new[] { "gpu" }, env.Get<string[]>("ContainerConfig"));
        Assert.Equal("team: UpdatePackages", ps.Run("(Get-CodeEnv flat).GroupPermissions | ForEach-Object { $_.ToString() }").AssertSuccess().Output.Single().ToString());
    }

    [Fact]
    public void The_storage_classes_stay_inside_the_engine()
    {
        using var ps = new PowerShellSession();
        var names = ps.Run("New-CodeEnv -Name inner -PythonVersion 3.11 -NoInstall | Out-Null; (Get-CodeEnv inner).PSObject.Properties | ForEach-Object { $_.Name }").AssertSuccess().Output.Select(o => o.ToString()).ToList();
        Assert.DoesNotContain("Definition", names);
        Assert.DoesNotContain("SchemaVersion", names);
        Assert.Contains("State", names);
    }

    [Fact]
    public void Where_Object_filters_on_Jupyter_support_directly()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name plain -PythonVersion 3.11 -NoInstall | Out-Null; New-CodeEnv -Name notebook -PythonVersion 3.11 -NoInstall -JupyterSupport | Out-Null").AssertSuccess();
        var names = ps.Run("Get-CodeEnv | Where-Object JupyterSupport | ForEach-Object Name").AssertSuccess().Output.Select(o => o.ToString());
        Assert.Equal(new[] { "notebook" }, names);
    }

    [Fact]
    public void Get_CodeEnv_piped_into_New_CodeEnv_copies_the_definition()
    {
        using var ps = WithConfigs();
        ps.Run("New-CodeEnv -Name original -PythonVersion 3.11 -NoInstall -JupyterSupport -Requirement 'alpha==1.0', 'beta>=2' -ContainerSelection Selected -ContainerConfig gpu -Description 'the first' | Out-Null").AssertSuccess();

        var copy = ps.Run("Get-CodeEnv original | New-CodeEnv -Name copy -NoInstall").Single("CodeEnv.EnvironmentInfo");
        var original = ps.Run("Get-CodeEnv original").Single("CodeEnv.EnvironmentInfo");

        Assert.Equal("copy", copy.Get<string>("Name"));
        foreach (var property in new[] { "Description", "PythonVersion", "JupyterSupport", "ContainerSelection" })
        {
            Assert.Equal(original.Properties[property].Value.ToString(), copy.Properties[property].Value.ToString());
        }

        Assert.Equal(original.Get<string[]>("RequestedPackages"), copy.Get<string[]>("RequestedPackages"));
        Assert.Equal(original.Get<string[]>("ContainerConfig"), copy.Get<string[]>("ContainerConfig"));
    }

    [Fact]
    public void Get_CodeEnv_piped_into_Set_CodeEnv_of_another_root_gives_it_the_same_settings()
    {
        using var ps = WithConfigs();
        var other = ps.Scratch("other");
        ps.Run("Initialize-CodeEnvRoot -Path $args[0] | Out-Null; New-CodeEnvContainerConfig -Root $args[0] -ConfigName gpu -BaseImage python:3.11-slim | Out-Null; New-CodeEnv -Root $args[0] -Name shared -PythonVersion 3.11 -NoInstall | Out-Null", other).AssertSuccess();
        ps.Run("New-CodeEnv -Name shared -PythonVersion 3.11 -NoInstall -Description 'from design' -ContainerSelection Selected -ContainerConfig gpu | Out-Null").AssertSuccess();

        var changed = ps.Run("Get-CodeEnv shared | Set-CodeEnv -Root $args[0] -PassThru", other).Single("CodeEnv.EnvironmentInfo");

        Assert.Equal(other, changed.Get<string>("Root"));
        Assert.Equal("from design", changed.Get<string>("Description"));
        Assert.Equal(new[] { "gpu" }, changed.Get<string[]>("ContainerConfig"));
    }

    [Fact]
    public void Get_CodeEnv_piped_into_Set_CodeEnv_unchanged_makes_no_revision()
    {
        using var ps = WithConfigs();
        ps.Run("New-CodeEnv -Name still -PythonVersion 3.11 -NoInstall -ContainerSelection Selected -ContainerConfig cpu | Out-Null").AssertSuccess();
        var env = ps.Run("$PSDefaultParameterValues.Clear(); Get-CodeEnv -Root $args[0] still | Set-CodeEnv -PassThru", ps.RootPath).Single("CodeEnv.EnvironmentInfo");
        Assert.Equal(1, env.Get<int>("Revision"));
    }

    [Fact]
    public void Get_CodeEnvRoot_piped_into_Set_CodeEnvRoot_changes_nothing()
    {
        using var ps = new PowerShellSession();
        ps.Run("Set-CodeEnvRoot -IndexUrl 'https://ci:s3cret@pypi.internal/simple' -TrustedHost pypi.internal -BasePackage 'tabulate' -CreatorGroup makers -LockTimeoutSeconds 30").AssertSuccess();
        var before = ps.Run("Get-CodeEnvRoot").Single("CodeEnv.RootSettings").Get<int>("Revision");

        var after = ps.Run("$PSDefaultParameterValues.Clear(); Get-CodeEnvRoot -Root $args[0] | Set-CodeEnvRoot -PassThru", ps.RootPath).Single("CodeEnv.RootSettings");

        Assert.Equal(before, after.Get<int>("Revision"));
        Assert.Equal("https://ci:***@pypi.internal/simple", after.Get<string>("IndexUrl"));
        Assert.Equal(new[] { "makers" }, after.Get<string[]>("CreatorGroups"));
    }
}
