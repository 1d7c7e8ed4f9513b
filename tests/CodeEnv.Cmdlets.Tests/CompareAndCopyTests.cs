using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>Compare-CodeEnv and Copy-CodeEnv on real venvs, checked against what pip itself lists.</summary>
public class CompareAndCopyTests
{
    private static List<(string Package, string? Reference, string? Difference, string Side)> Differences(PowerShellSession ps, string command, params object[] arguments) =>
        ps.Run(command, arguments).AssertSuccess().Output
            .Select(o => (o.Get<string>("PackageName").ToLowerInvariant(), (string?)o.Properties["Reference"].Value, (string?)o.Properties["Difference"].Value, o.Get<string>("SideIndicator")))
            .OrderBy(d => d.Item1, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Compare_CodeEnv_reports_exactly_the_differences_a_pip_list_diff_shows()
    {
        using var ps = PackageSession.Create();
        var left = ps.Run("New-CodeEnv -Name left -PythonVersion 3.12 -Requirement 'alpha==1.0', 'gamma[fast]'").Single("CodeEnv.EnvironmentInfo").Get<string>("PythonPath");
        var right = ps.Run("New-CodeEnv -Name right -PythonVersion 3.12 -Requirement 'alpha==2.0', 'epsilon'").Single("CodeEnv.EnvironmentInfo").Get<string>("PythonPath");

        var pipLeft = PackageSession.PipList(left).ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Version);
        var pipRight = PackageSession.PipList(right).ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Version);
        var expected = pipLeft.Keys.Union(pipRight.Keys)
            .Select(k => (Package: k, Reference: pipLeft.GetValueOrDefault(k), Difference: pipRight.GetValueOrDefault(k)))
            .Where(d => d.Reference != d.Difference)
            .Select(d => (d.Package, d.Reference, d.Difference, d.Reference == null ? "=>" : d.Difference == null ? "<=" : "<>"))
            .OrderBy(d => d.Package, StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Differences(ps, "Compare-CodeEnv left right"));
    }

    [Fact]
    public void The_differences_pipe_into_Where_Object_as_Compare_Object_output_does()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name left -PythonVersion 3.12 -Requirement 'alpha==1.0' | Out-Null; New-CodeEnv -Name right -PythonVersion 3.12 -Requirement 'alpha==1.0', 'epsilon' | Out-Null").AssertSuccess();
        var onlyRight = ps.Run("Compare-CodeEnv left right | Where-Object SideIndicator -eq '=>' | ForEach-Object PackageName").AssertSuccess().Output.Select(o => o.ToString());
        Assert.Equal(new[] { "epsilon" }, onlyRight);
    }

    [Fact]
    public void Comparing_revisions_shows_the_requested_lines_that_changed()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name lists -PythonVersion 3.12 -NoInstall -Requirement 'alpha==1.0', 'beta' | Out-Null; Set-CodeEnvPackage lists -Requirement 'alpha==2.0', 'gamma'").AssertSuccess();

        var differences = Differences(ps, "Compare-CodeEnv lists -ReferenceRevision 1 -DifferenceRevision 2");

        Assert.Equal(
            new[] { ("alpha", (string?)"alpha==1.0", (string?)"alpha==2.0", "<>"), ("beta", "beta", null, "<="), ("gamma", null, "gamma", "=>") },
            differences);
    }

    [Fact]
    public void Comparing_with_the_last_update_shows_what_was_installed_by_hand()
    {
        using var ps = PackageSession.Create();
        var python = ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha==1.0'").Single("CodeEnv.EnvironmentInfo").Get<string>("PythonPath");
        Assert.Empty(Differences(ps, "Compare-CodeEnv work -LastUpdate"));

        var pip = ChildProcess.Run(python, "-m", "pip", "install", "--no-index", "--find-links", ps.Scratch("links"), "stray", "beta==1.0", "--disable-pip-version-check");
        Assert.True(pip.ExitCode == 0, pip.Output);

        var drift = Differences(ps, "Compare-CodeEnv work -LastUpdate");
        Assert.Contains(("stray", null, "0.1", "=>"), drift);
        Assert.Contains(drift, d => d.Package == "beta" && d.Side == "<>" && d.Difference == "1.0");
    }

    [Fact]
    public void Copy_CodeEnv_copies_the_definition_and_Locked_keeps_the_exact_versions()
    {
        using var ps = PackageSession.Create();
        // The source installed alpha 1.0; its list now says just 'alpha', which resolves to 2.0 today.
        ps.Run("New-CodeEnv -Name source -PythonVersion 3.12 -Requirement 'alpha<2' -Description 'the source' | Out-Null; Set-CodeEnvPackage source -Requirement 'alpha'").AssertSuccess();

        var locked = ps.Run("Copy-CodeEnv source exact -Locked").Single("CodeEnv.EnvironmentInfo");
        var loose = ps.Run("Copy-CodeEnv source loose").Single("CodeEnv.EnvironmentInfo");

        Assert.Equal("the source", locked.Get<string>("Description"));
        Assert.Equal(new[] { "alpha" }, locked.Get<string[]>("RequestedPackages"));
        Assert.Contains(("alpha", "1.0"), PackageSession.PipList(locked.Get<string>("PythonPath")));
        Assert.Contains(("alpha", "2.0"), PackageSession.PipList(loose.Get<string>("PythonPath")));
        Assert.Equal(System.Environment.UserName, locked.Get<string>("Owner"));
    }

    [Fact]
    public void Copy_CodeEnv_Locked_of_an_env_never_updated_says_what_to_do()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name planned -PythonVersion 3.12 -NoInstall").AssertSuccess();
        var error = ps.Run("Copy-CodeEnv planned copy -Locked").AssertError("EnvironmentNeverUpdated", System.Management.Automation.ErrorCategory.InvalidOperation);
        Assert.Contains("Update-CodeEnv -Name planned", error.Exception.Message);
    }
}
