namespace CodeEnv.Cmdlets.Tests;

/// <summary>Test-CodeEnv on real envs that are then changed behind CodeEnv's back.</summary>
public class TestCodeEnvTests
{
    private static (PowerShellSession Session, string SitePackages, string Python) Env()
    {
        var ps = PackageSession.Create();
        var env = ps.Run("New-CodeEnv -Name work -PythonVersion 3.12 -Requirement 'alpha==1.0'").Single("CodeEnv.EnvironmentInfo");
        var sitePackages = Directory.GetDirectories(Path.Combine(env.Get<string>("VenvPath"), "lib"))[0] + "/site-packages";
        return (ps, sitePackages, env.Get<string>("PythonPath"));
    }

    [Fact]
    public void A_freshly_updated_env_is_Healthy()
    {
        var (ps, _, _) = Env();
        using (ps)
        {
            var report = ps.Run("Test-CodeEnv work").Single("CodeEnv.HealthReport");
            Assert.Equal("Healthy", report.Get<string>("Status"));
            Assert.True(report.Get<bool>("InterpreterPresent"));
            Assert.True(report.Get<bool>("VenvIntact"));
            Assert.Empty(report.Get<string[]>("Problems"));
            Assert.True((bool)ps.Run("Test-CodeEnv work -Quiet").AssertSuccess().Output.Single().BaseObject);
        }
    }

    [Fact]
    public void A_package_installed_outside_CodeEnv_is_extraneous_drift()
    {
        var (ps, _, python) = Env();
        using (ps)
        {
            var links = ps.Scratch("links");
            System.Diagnostics.Process.Start(python, new[] { "-m", "pip", "install", "-q", "--no-index", "--find-links", links, "stray" })!.WaitForExit();

            var report = ps.Run("Test-CodeEnv work").Single("CodeEnv.HealthReport");
            Assert.Equal("Drifted", report.Get<string>("Status"));
            Assert.Equal(new[] { "stray" }, report.Get<string[]>("Extraneous"));
            Assert.Contains("stray 0.1 was installed outside CodeEnv since the last update.", report.Get<string[]>("Drift"));
        }
    }

    [Fact]
    public void A_wrong_version_and_a_missing_dependency_make_the_env_Unhealthy()
    {
        var (ps, sitePackages, _) = Env();
        using (ps)
        {
            ps.Run("Set-CodeEnvPackage work 'alpha>=2'").AssertSuccess();
            Directory.Delete(Path.Combine(sitePackages, "beta-1.5.dist-info"), recursive: true);

            var report = ps.Run("Test-CodeEnv work").Single("CodeEnv.HealthReport");

            Assert.Equal("Unhealthy", report.Get<string>("Status"));
            var alpha = ps.Run("(Test-CodeEnv work).Requirements | Where-Object Name -eq alpha").AssertSuccess().Output.Single();
            Assert.Equal(("WrongVersion", "1.0"), (alpha.Get<string>("State"), alpha.Get<string>("InstalledVersion")));
            Assert.Contains("alpha 1.0 requires beta, which is not installed.", report.Get<string[]>("BrokenDependencies"));
        }
    }

    [Fact]
    public void A_deleted_venv_is_Broken_and_says_how_to_recover()
    {
        var (ps, _, python) = Env();
        using (ps)
        {
            File.Delete(python);
            var report = ps.Run("Test-CodeEnv work").Single("CodeEnv.HealthReport");
            Assert.Equal("Broken", report.Get<string>("Status"));
            Assert.False(report.Get<bool>("VenvIntact"));
            Assert.Contains(report.Get<string[]>("Problems"), p => p.Contains("Update-CodeEnv -Rebuild"));

            ps.Run("Update-CodeEnv work").AssertSuccess();
            Assert.Equal("Healthy", ps.Run("Test-CodeEnv work").Single("CodeEnv.HealthReport").Get<string>("Status"));
        }
    }
}
