using System.Management.Automation;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Export-CodeEnv -Format PyLock writes the standard lock file (PEP 751): read by Python's own TOML reader and an
/// installer that follows the standard (PyLock/install_pylock.py: pip reads no pylock.toml yet), it makes a venv
/// with exactly the env's packages, each file checked against its sha256.
/// </summary>
public class PyLockExportTests : IDisposable
{
    private static readonly string Installer = Path.Combine(AppContext.BaseDirectory, "PyLock", "install_pylock.py");

    private readonly PowerShellSession ps = PackageSession.Create();

    public PyLockExportTests() => ps.Run("New-CodeEnv source -PythonVersion 3.12 -Requirement 'alpha==1.0', 'gamma[fast]'").AssertSuccess();

    public void Dispose() => ps.Dispose();

    private string Export(string env)
    {
        var file = ps.Scratch(env + ".pylock.toml");
        ps.Run("Export-CodeEnv $args[0] $args[1] -Format PyLock", env, file).AssertSuccess();
        return file;
    }

    [Fact]
    public void An_installer_that_follows_the_standard_makes_a_venv_with_exactly_the_envs_packages()
    {
        var pylock = Export("source");
        var target = ps.Scratch("target");
        Assert.Equal(0, ChildProcess.Run(HandMadeVenv.Python312, "-m", "venv", target).ExitCode);
        var targetPython = Path.Combine(target, "bin", "python");

        var install = ChildProcess.Run(HandMadeVenv.Python312, Installer, pylock, targetPython);

        Assert.True(install.ExitCode == 0, install.Output);
        var envPython = Path.Combine(ps.RootPath, "envs", "source", "venv", "bin", "python");
        Assert.Equal(PackageSession.PipList(envPython), PackageSession.PipList(targetPython));
    }

    [Fact]
    public void The_lock_names_each_package_once_with_its_file_and_the_hash_the_envs_lock_recorded()
    {
        var text = File.ReadAllText(Export("source"));
        var installed = JObject.Parse(File.ReadAllText(Path.Combine(ps.RootPath, "envs", "source", "installed.json")));
        var alpha = ((JArray)installed["packages"]!).Single(p => (string)p["name"]! == "alpha")["artifact"]!;

        Assert.StartsWith("lock-version = \"1.0\"\n", text);
        Assert.Contains("created-by = \"codeenv\"", text);
        Assert.Contains("requires-python = \"==3.12.*\"", text);
        Assert.Contains($"name = \"alpha-1.0-py2.py3-none-any.whl\"\npath = \"{Path.Combine(ps.Scratch("links"), "alpha-1.0-py2.py3-none-any.whl")}\"\nhashes = {{ sha256 = \"{(string)alpha["sha256"]!}\" }}", text);
        Assert.Contains("name = \"delta\"", text);
        Assert.DoesNotContain("name = \"pip\"", text);
    }

    [Fact]
    public void A_file_changed_after_the_export_is_refused_by_the_standard_installer()
    {
        var pylock = Export("source");
        var wheel = Path.Combine(ps.Scratch("links"), "alpha-1.0-py2.py3-none-any.whl");
        File.Delete(wheel);
        WheelBuilder.Write(ps.Scratch("links"), "alpha", "1.0", requires: new[] { "beta>=1.0" }, files: new Dictionary<string, string> { ["alpha/evil.py"] = "" });
        var target = ps.Scratch("target");
        Assert.Equal(0, ChildProcess.Run(HandMadeVenv.Python312, "-m", "venv", target).ExitCode);

        var install = ChildProcess.Run(HandMadeVenv.Python312, Installer, pylock, Path.Combine(target, "bin", "python"));

        Assert.Equal(3, install.ExitCode);
        Assert.Contains("alpha: sha256 of", install.Output);
    }

    [Fact]
    public void An_env_never_updated_has_no_lock_to_export()
    {
        ps.Run("New-CodeEnv empty -PythonVersion 3.12 -NoInstall").AssertSuccess();

        ps.Run("Export-CodeEnv empty $args[0] -Format PyLock", ps.Scratch("empty.toml")).AssertError("EnvironmentNeverUpdated", ErrorCategory.InvalidOperation);
    }

    [Fact]
    public void A_lock_without_recorded_files_is_refused_naming_the_packages_and_the_fix()
    {
        var installedFile = Path.Combine(ps.RootPath, "envs", "source", "installed.json");
        var installed = JObject.Parse(File.ReadAllText(installedFile));
        foreach (var package in (JArray)installed["packages"]!)
        {
            ((JObject)package).Remove("artifact");
        }

        File.WriteAllText(installedFile, installed.ToString());

        var error = ps.Run("Export-CodeEnv source $args[0] -Format PyLock", ps.Scratch("old.toml")).AssertError("LockHasNoArtifacts", ErrorCategory.InvalidOperation);

        Assert.Contains("alpha==1.0", error.Exception.Message);
        Assert.Contains("Update-CodeEnv -Name source -Rebuild", error.Exception.Message);
        Assert.False(File.Exists(ps.Scratch("old.toml")));
    }
}
