using System.Diagnostics;
using System.Management.Automation;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

public class InstalledPackageTests
{
    /// <summary>An env whose base packages (installed by real pip from the wheelhouse) pull in a dependency.</summary>
    private static (PowerShellSession Session, PSObject Env) EnvWithPackages(string version)
    {
        var ps = new PowerShellSession();
        var wheelhouse = Path.Combine(ps.RootPath, "wheelhouse");
        WheelBuilder.Write(wheelhouse, "Tabular_Tools", "2.0.1", requires: new[] { "codeenv-helper>=1.0" });
        WheelBuilder.Write(wheelhouse, "codeenv-helper", "1.3");
        ps.EditRootSettings(s =>
        {
            s["basePackages"] = new JArray("tabular-tools==2.0.1");
            s["packageSources"]!["noIndex"] = true;
        });
        var env = ps.Run("New-CodeEnv -Name pkgs -PythonVersion $args[0]", version).Single("CodeEnv.EnvironmentInfo");
        return (ps, env);
    }

    [Theory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    public void Get_CodeEnvInstalledPackage_agrees_exactly_with_pip_list(string version)
    {
        var (ps, env) = EnvWithPackages(version);
        using (ps)
        {
            var ours = ps.Run("Get-CodeEnvInstalledPackage -Name pkgs").AssertSuccess().Output
                .Select(p => (p.Get<string>("Name"), p.Get<string>("Version"))).ToList();

            using var pip = Process.Start(new ProcessStartInfo(env.Get<string>("PythonPath"), new[] { "-m", "pip", "list", "--format", "json", "--disable-pip-version-check" }) { RedirectStandardOutput = true })!;
            var pipList = JArray.Parse(pip.StandardOutput.ReadToEnd()).Select(p => (p.Value<string>("name")!, p.Value<string>("version")!)).ToList();
            pip.WaitForExit();

            Assert.Contains(("Tabular_Tools", "2.0.1"), ours);
            Assert.Equal(pipList.OrderBy(p => p.Item1, StringComparer.OrdinalIgnoreCase), ours);
        }
    }

    [Fact]
    public void Requested_packages_are_told_apart_from_dependencies()
    {
        var (ps, _) = EnvWithPackages("3.12");
        using (ps)
        {
            var packages = ps.Run("Get-CodeEnvInstalledPackage -Name pkgs -PackageName tabular-tools, CODEENV_HELPER").AssertSuccess().Output;
            Assert.Equal(2, packages.Count);
            Assert.True(packages[0].Get<bool>("Requested"));
            Assert.False(packages[1].Get<bool>("Requested"));
            // Installed from the package store by CodeEnv itself, as INSTALLER says.
            Assert.All(packages, p => Assert.Equal("codeenv", p.Get<string>("Installer")));
            Assert.All(packages, p => Assert.Equal("pkgs", p.Get<string>("EnvironmentName")));
        }
    }

    [Fact]
    public void A_package_name_that_is_not_installed_is_object_not_found_and_a_wildcard_is_silent()
    {
        var ps = new PowerShellSession();
        using (ps)
        {
            ps.Run("New-CodeEnv -Name bare -PythonVersion 3.11").AssertSuccess();
            ps.Run("Get-CodeEnvInstalledPackage -Name bare -PackageName numpy").AssertError("InstalledPackageNotFound", ErrorCategory.ObjectNotFound);
            Assert.Empty(ps.Run("Get-CodeEnvInstalledPackage -Name bare -PackageName numpy*").AssertSuccess().Output);
            Assert.Equal("pip", ps.Run("Get-CodeEnvInstalledPackage -Name bare -PackageName pip").AssertSuccess().Output.Single().Get<string>("Name"));
        }
    }
}
