using System.Management.Automation;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>Venvs made by hand brought in: copied into a managed env (New-CodeEnv -FromVenv) or listed as they are (Register-CodeEnv).</summary>
public class ExistingVenvTests : IClassFixture<ExistingVenvTests.HandMade>
{
    private readonly HandMade handMade;

    public ExistingVenvTests(HandMade handMade) => this.handMade = handMade;

    /// <summary>
    /// The class's venv made by hand, once, at one path (a venv names its own path), and put back as it was made before
    /// each test: the tests run one after another, and most of them prove it is left untouched.
    /// </summary>
    public sealed class HandMade : IDisposable
    {
        private readonly TempFolder folder = new();
        private readonly string asMade;

        public HandMade()
        {
            var links = PackageFixture.Write(folder.Combine("links"));
            // alpha pulls in beta; gamma[fast] pulls in delta; stray comes from a local wheel file, which no other machine has.
            Venv = HandMadeVenv.Make(folder.Combine("handmade"), links, "alpha==1.0", "gamma[fast]", Path.Combine(links, "stray-0.1-py2.py3-none-any.whl"));
            asMade = folder.Combine("as-made");
            FolderCopy.Mirror(Venv, asMade);
        }

        public string Venv { get; }

        public string AsMade()
        {
            FolderCopy.Mirror(asMade, Venv);
            return Venv;
        }

        public void Dispose() => folder.Dispose();
    }

    private (PowerShellSession Session, string Venv) WithHandMadeVenv() => (PackageSession.Create(), handMade.AsMade());

    [Fact]
    public void FromVenv_requests_the_top_level_packages_pinned_and_leaves_dependencies_to_pip()
    {
        var (ps, venv) = WithHandMadeVenv();
        using (ps)
        {
            var env = ps.Run("New-CodeEnv -Name adopted -FromVenv $args[0]", venv).Single("CodeEnv.EnvironmentInfo");

            // beta and delta are dependencies (delta through gamma's extra, which is kept): pip brings them again.
            Assert.Equal(new[] { "alpha==1.0", "gamma[fast]==1.0" }, env.Get<string[]>("RequestedPackages"));
            Assert.Equal("Ready", env.Properties["State"].Value.ToString());
            Assert.StartsWith("3.12.", env.Get<string>("PythonVersion"));
            var handMade = PackageSession.PipList(Path.Combine(venv, "bin", "python")).Where(p => p.Name != "stray");
            Assert.Equal(handMade, PackageSession.PipList(env.Get<string>("PythonPath")));
        }
    }

    [Fact]
    public void FromVenv_names_a_package_from_a_local_path_and_what_to_do_instead_of_taking_it_over()
    {
        var (ps, venv) = WithHandMadeVenv();
        using (ps)
        {
            var result = ps.Run("New-CodeEnv -Name adopted -FromVenv $args[0] -NoInstall", venv).AssertSuccess();

            var warning = Assert.Single(result.Warnings);
            Assert.Contains("stray 0.1 was installed from the local path file://", warning);
            Assert.Contains("Publish-CodeEnvPackage", warning);
            Assert.DoesNotContain(result.Single("CodeEnv.EnvironmentInfo").Get<string[]>("RequestedPackages"), l => l.StartsWith("stray", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void FromVenv_leaves_the_original_venv_untouched()
    {
        var (ps, venv) = WithHandMadeVenv();
        using (ps)
        {
            var before = HandMadeVenv.Snapshot(venv);
            ps.Run("New-CodeEnv -Name adopted -FromVenv $args[0]", venv).AssertSuccess();
            Assert.Equal(before, HandMadeVenv.Snapshot(venv));
        }
    }

    [Fact]
    public void FromVenv_of_a_folder_that_is_not_a_venv_says_so()
    {
        using var ps = new PowerShellSession();
        var error = ps.Run("New-CodeEnv -Name adopted -FromVenv $args[0]", ps.Scratch("nothing")).AssertError("NotAVenv", ErrorCategory.InvalidArgument);
        Assert.Contains("pyvenv.cfg", error.Exception.Message);
    }

    [Fact]
    public void A_registered_venv_is_listed_read_tested_and_run_as_it_is()
    {
        var (ps, venv) = WithHandMadeVenv();
        using (ps)
        {
            var env = ps.Run("Register-CodeEnv -Name legacy -Path $args[0] -Description 'made by hand'", venv).Single("CodeEnv.EnvironmentInfo");

            Assert.False(env.Get<bool>("Managed"));
            Assert.Equal(venv, env.Get<string>("VenvPath"));
            var installed = ps.Run("Get-CodeEnvInstalledPackage legacy | ForEach-Object { $_.Name + '==' + $_.Version }").AssertSuccess().Output.Select(o => o.ToString()).ToList();
            Assert.Contains("alpha==1.0", installed);
            Assert.Contains("stray==0.1", installed);
            Assert.Equal("Healthy", ps.Run("(Test-CodeEnv legacy).Status").AssertSuccess().Output.Single().ToString());
            var run = ps.Run("Invoke-CodeEnvPython legacy -ArgumentList '-c', 'import sys; print(sys.prefix)'").AssertSuccess();
            Assert.Equal(venv, run.Output.Single().ToString());
            Assert.Single(ps.Run("Get-CodeEnvHistory legacy").AssertSuccess().Output);
        }
    }

    [Theory]
    [InlineData("Add-CodeEnvPackage legacy -Requirement 'beta==1.5'")]
    [InlineData("Set-CodeEnvPackage legacy -Requirement 'beta==1.5'")]
    [InlineData("Remove-CodeEnvPackage legacy -PackageName alpha")]
    [InlineData("Add-CodeEnvPackageSet legacy -SetName 'Visual Machine Learning'")]
    [InlineData("Update-CodeEnv legacy")]
    [InlineData("Set-CodeEnv legacy -JupyterSupport $true")]
    public void Package_commands_and_updates_refuse_a_registered_venv_and_name_FromVenv(string command)
    {
        var (ps, venv) = WithHandMadeVenv();
        using (ps)
        {
            ps.Run("Register-CodeEnv -Name legacy -Path $args[0]", venv).AssertSuccess();
            var before = HandMadeVenv.Snapshot(venv);

            var error = ps.Run(command).AssertError("CodeEnvNotManaged", ErrorCategory.InvalidOperation);

            Assert.Contains("-FromVenv", error.Exception.Message);
            Assert.Equal(before, HandMadeVenv.Snapshot(venv));
        }
    }

    [Fact]
    public void Removing_a_registered_venv_forgets_it_and_leaves_its_folder_alone()
    {
        var (ps, venv) = WithHandMadeVenv();
        using (ps)
        {
            ps.Run("Register-CodeEnv -Name legacy -Path $args[0]", venv).AssertSuccess();
            var before = HandMadeVenv.Snapshot(venv);

            ps.Run("Remove-CodeEnv legacy -Confirm:$false").AssertSuccess();

            Assert.Empty(ps.Run("Get-CodeEnv").AssertSuccess().Output);
            Assert.Equal(before, HandMadeVenv.Snapshot(venv));
        }
    }

    [Fact]
    public void A_venv_inside_the_root_cannot_be_registered()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name managed -PythonVersion 3.12").AssertSuccess();
        ps.Run("Register-CodeEnv -Name twin -Path $args[0]", Path.Combine(ps.RootPath, "envs", "managed", "venv")).AssertError("VenvInsideRoot", ErrorCategory.InvalidArgument);
    }
}
