using System.Management.Automation;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>Update-CodeEnv with real venvs and real pip, offline against the fixture wheels.</summary>
public class UpdateCodeEnvTests
{
    private static List<(string Name, string Version)> Installed(PowerShellSession ps, string env) =>
        ps.Run($"Get-CodeEnvInstalledPackage -Name {env}").AssertSuccess().Output
            .Select(p => (p.Get<string>("Name"), p.Get<string>("Version"))).ToList();

    private static string VenvPython(PowerShellSession ps, string env) =>
        ps.Run($"(Get-CodeEnv {env}).PythonPath").AssertSuccess().Output.Single().ToString();

    [Fact]
    public void New_CodeEnv_installs_requested_lines_with_their_dependencies_and_records_installed_json()
    {
        using var ps = PackageSession.Create();
        var env = ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha==1.0', 'gamma[fast]', 'epsilon'").Single("CodeEnv.EnvironmentInfo");

        Assert.Equal("Ready", env.Get<string>("State"));
        var installed = Installed(ps, "work");
        Assert.Contains(("alpha", "1.0"), installed);
        Assert.Contains(("beta", "1.5"), installed);
        Assert.Contains(("delta", "1.0"), installed);
        Assert.DoesNotContain(installed, p => p.Name == "zeta" || p.Name == "stray");

        var locked = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(env.Get<string>("Path"), "installed.json")));
        Assert.Equal(installed.Select(p => $"{p.Name}=={p.Version}"), locked["packages"]!.Select(p => $"{p["name"]}=={p["version"]}"));
        Assert.Equal(new[] { "alpha==1.0", "gamma[fast]", "epsilon" }, locked["requirements"]!.Select(l => (string)l!));
    }

    [Fact]
    public void Update_installs_saved_lines_and_marks_the_env_Ready()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name work -PythonVersion 3.12").AssertSuccess();
        ps.Run("Set-CodeEnvPackage work 'alpha<2'").AssertSuccess();
        Assert.Equal("Outdated", ps.Run("(Get-CodeEnv work).State").Output.Single().ToString());

        var updated = ps.Run("Update-CodeEnv work -PassThru -Verbose");

        Assert.Equal("Ready", updated.Single("CodeEnv.EnvironmentInfo").Get<string>("State"));
        Assert.Contains(updated.Verbose, line => line.StartsWith("Successfully installed"));
        Assert.Contains(updated.Progress, p => p.StatusDescription == "Processing alpha-1.0-py2.py3-none-any.whl");
        Assert.Contains(("alpha", "1.0"), Installed(ps, "work"));
    }

    [Fact]
    public void Upgrade_moves_to_the_newest_versions_the_lines_allow()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha==1.0', 'beta==1.0'").AssertSuccess();
        ps.Run("Set-CodeEnvPackage work 'alpha' -Update").AssertSuccess();
        Assert.Contains(("alpha", "1.0"), Installed(ps, "work"));

        ps.Run("Update-CodeEnv work -Upgrade").AssertSuccess();

        var installed = Installed(ps, "work");
        Assert.Contains(("alpha", "2.0"), installed);
        Assert.Contains(("beta", "1.5"), installed);
    }

    [Fact]
    public void Sync_uninstalls_what_no_line_needs_and_keeps_pip()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha', 'gamma'").AssertSuccess();
        ps.Run("Remove-CodeEnvPackage work -PackageName alpha").AssertSuccess();

        ps.Run("Update-CodeEnv work").AssertSuccess();
        Assert.Contains(Installed(ps, "work"), p => p.Name == "alpha");

        ps.Run("Update-CodeEnv work -Sync").AssertSuccess();
        var names = Installed(ps, "work").Select(p => p.Name).ToList();
        Assert.DoesNotContain("alpha", names);
        Assert.DoesNotContain("beta", names);
        Assert.Contains("gamma", names);
        Assert.Contains("pip", names);
    }

    [Fact]
    public void A_failing_install_keeps_the_list_marks_the_env_Failed_and_reports_pips_reason()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha'").AssertSuccess();

        var error = ps.Run("Add-CodeEnvPackage work 'nosuchpackage==9.9' -Update").AssertError("PythonCommandFailed", ErrorCategory.InvalidOperation);

        Assert.Contains("No matching distribution found for nosuchpackage==9.9", error.Exception.Message);
        Assert.Contains("/logs/", error.Exception.Message);
        var env = ps.Run("Get-CodeEnv work").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("Failed", env.Get<string>("State"));
        Assert.Contains("No matching distribution", env.Get<string>("StateDetail"));
        Assert.Equal(new[] { "alpha", "nosuchpackage==9.9" }, ps.Run("Get-CodeEnvPackage work -Kind Requested | ForEach-Object Line").Output.Select(o => o.ToString()));
    }

    [Fact]
    public void An_update_with_nothing_to_do_does_not_start_pip()
    {
        using var ps = PackageSession.Create();
        var env = ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha==1.0', 'gamma[fast]'").Single("CodeEnv.EnvironmentInfo");
        ps.Run("Set-CodeEnvPackage work 'alpha>=1', 'gamma[fast]'").AssertSuccess();
        var logsBefore = ps.Run("Get-CodeEnvLog work").AssertSuccess().Output.Count;

        // Proof that pip does not run: it could not, with its code gone (its metadata stays, so the set still satisfies).
        var sitePackages = Directory.GetDirectories(Path.Combine(env.Get<string>("VenvPath"), "lib"))[0] + "/site-packages";
        Directory.Move(Path.Combine(sitePackages, "pip"), Path.Combine(sitePackages, "pip-disabled"));

        var update = ps.Run("Update-CodeEnv work -PassThru -Verbose");

        Assert.Equal("Ready", update.Single("CodeEnv.EnvironmentInfo").Get<string>("State"));
        Assert.Contains(update.Verbose, v => v.Contains("pip was not started"));
        Assert.Equal(logsBefore, ps.Run("Get-CodeEnvLog work").AssertSuccess().Output.Count);
    }

    [Fact]
    public void A_missing_dependency_makes_the_update_run_pip()
    {
        using var ps = PackageSession.Create();
        var env = ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha'").Single("CodeEnv.EnvironmentInfo");
        var sitePackages = Directory.GetDirectories(Path.Combine(env.Get<string>("VenvPath"), "lib"))[0] + "/site-packages";
        Directory.Delete(Path.Combine(sitePackages, "beta-1.5.dist-info"), recursive: true);

        var update = ps.Run("Update-CodeEnv work -Verbose").AssertSuccess();

        Assert.Contains(update.Verbose, v => v.StartsWith("pip is needed: alpha 2.0 requires beta, which is not installed."));
        Assert.Contains(("beta", "1.5"), Installed(ps, "work"));
    }

    [Theory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    public void Installed_packages_equal_pip_list_after_an_update(string version)
    {
        using var ps = PackageSession.Create();
        ps.Run($"New-CodeEnv -Name work -PythonVersion {version} -Requirement 'alpha', 'Gamma[fast]', 'epsilon' -JupyterSupport").AssertSuccess();

        Assert.Equal(PackageSession.PipList(VenvPython(ps, "work")), Installed(ps, "work"));
    }

    [Fact]
    public void A_published_setup_py_sdist_installs_by_name()
    {
        using var ps = PackageSession.Create();
        var dist = ps.Scratch("dist");
        var sdist = SdistBuilder.Write(dist, "inhouse-tools", "1.4.0");
        BuildTools.CopyTo(ps.Scratch("links"));

        var published = ps.Run("Publish-CodeEnvPackage -Path $args[0]", sdist).Single("CodeEnv.PublishedPackage");
        Assert.Equal(("inhouse-tools", "1.4.0"), (published.Get<string>("PackageName"), published.Get<string>("Version")));

        ps.Run("New-CodeEnv -Name work -PythonVersion 3.11 -Requirement 'inhouse-tools==1.4.0'").AssertSuccess();
        Assert.Contains(("inhouse-tools", "1.4.0"), Installed(ps, "work"));
    }

    [Fact]
    public void Rebuild_recreates_the_venv_and_keeps_the_lists()
    {
        using var ps = PackageSession.Create();
        var env = ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha==1.0'").Single("CodeEnv.EnvironmentInfo");
        var marker = Path.Combine(env.Get<string>("VenvPath"), "left-over.txt");
        File.WriteAllText(marker, "");

        ps.Run("Update-CodeEnv work -Rebuild").AssertSuccess();

        Assert.False(File.Exists(marker));
        Assert.Contains(("alpha", "1.0"), Installed(ps, "work"));
    }

    [Fact]
    public void Logs_of_every_operation_are_listed_newest_first()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha==1.0'").AssertSuccess();
        ps.Run("Set-CodeEnvPackage work 'alpha==2.0' -Update").AssertSuccess();

        var logs = ps.Run("Get-CodeEnvLog work").AssertSuccess().Output;
        Assert.Equal(new[] { "update", "create" }, logs.Select(l => l.Get<string>("Operation")));
        var last = ps.Run("(Get-CodeEnvLog work -Last 1).ReadText()").AssertSuccess().Output.Single().ToString();
        Assert.Contains("alpha==2.0", last);
        Assert.Contains("Successfully installed alpha-2.0", last);
        // The root's sources only: the caller's PIP_* variables (this CI machine sets PIP_FIND_LINKS) are dropped.
        Assert.Contains("Looking in links: " + Path.Combine(ps.RootPath, "wheelhouse") + ", " + ps.Scratch("links"), last);
    }
}
