namespace CodeEnv.Cmdlets.Tests;

/// <summary>Tab completion of every name a user types, through PowerShell's own TabExpansion2 as a pwsh prompt calls it.</summary>
public class CompletionTests : IDisposable
{
    private readonly PowerShellSession ps = new();

    public CompletionTests()
    {
        ps.Run("""
            New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim -PythonPath /usr/local/bin/python3
            New-CodeEnv sales-forecast -PythonVersion 3.12 -NoInstall -Requirement 'tabulate', 'six==1.16.0'
            New-CodeEnv sales-archive -PythonVersion 3.12 -NoInstall
            Set-CodeEnv sales-forecast -Description 'second revision'
            """).AssertSuccess();
    }

    public void Dispose() => ps.Dispose();

    private IReadOnlyList<string> Complete(string line)
    {
        // The root is on the command line: completers see only what the line binds, not $PSDefaultParameterValues.
        var input = line.Replace("ROOT", "'" + ps.RootPath + "'");
        return ps.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", input)
            .AssertSuccess().Output.Select(o => (string)o.BaseObject).ToList();
    }

    [Fact]
    public void Env_names_complete_by_prefix_in_any_case()
    {
        Assert.Equal(new[] { "sales-archive", "sales-forecast" }, Complete("Get-CodeEnvPackage -Root ROOT -Name SAL").OrderBy(n => n));
    }

    [Fact]
    public void Package_set_names_complete_and_are_quoted_when_they_hold_spaces()
    {
        Assert.Contains("'Visual Machine Learning'", Complete("Add-CodeEnvPackageSet -Root ROOT -Name sales-forecast -SetName Vis"));
        Assert.Contains("'Visual Machine Learning'", Complete("Get-CodeEnvPackageSet -Root ROOT -SetName vis"));
    }

    [Fact]
    public void Container_config_names_complete()
    {
        Assert.Equal(new[] { "slim" }, Complete("Get-CodeEnvContainerConfig -Root ROOT -ConfigName s"));
        Assert.Equal(new[] { "slim" }, Complete("Remove-CodeEnvContainerConfig -Root ROOT -ConfigName s"));
        Assert.Equal(new[] { "slim" }, Complete("Set-CodeEnv -Root ROOT -Name sales-forecast -ContainerConfig s"));
    }

    [Fact]
    public void Package_names_to_remove_are_the_envs_requested_ones()
    {
        Assert.Equal(new[] { "six", "tabulate" }, Complete("Remove-CodeEnvPackage -Root ROOT -Name sales-forecast -PackageName ").OrderBy(n => n));
    }

    [Fact]
    public void Revisions_complete_newest_first()
    {
        Assert.Equal(new[] { "2", "1" }, Complete("Restore-CodeEnv -Root ROOT -Name sales-forecast -Revision "));
    }

    [Fact]
    public void Fixed_sets_of_values_complete_from_their_enum()
    {
        Assert.Equal(new[] { "All", "None", "Selected" }, Complete("Set-CodeEnv -ContainerSelection ").OrderBy(n => n));
        Assert.Equal(new[] { "ManageUsers", "UpdatePackages", "Use" }, Complete("Grant-CodeEnvPermission -Permission ").OrderBy(n => n));
        Assert.Equal(new[] { "Base", "Requested" }, Complete("Get-CodeEnvPackage -Kind ").OrderBy(n => n));
    }

    [Fact]
    public void A_completer_facing_a_missing_root_offers_nothing_and_raises_nothing()
    {
        Assert.Empty(Complete("Get-CodeEnvPackage -Root '/nonexistent/root' -Name s"));
    }
}
