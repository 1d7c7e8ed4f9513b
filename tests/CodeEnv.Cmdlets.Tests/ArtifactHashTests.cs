using System.Management.Automation;
using System.Security.Cryptography;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Every install records the file each package came from and its sha256, and every locked install (a locked import, a
/// locked copy, a restore that rebuilds) refuses a file the source now serves with another hash under the same name:
/// the attack is a package rebuilt under a version number the lock already names.
/// </summary>
public class ArtifactHashTests : IDisposable
{
    private readonly PowerShellSession ps = PackageSession.Create();
    private readonly string links;

    public ArtifactHashTests()
    {
        links = ps.Scratch("links");
        ps.Run("New-CodeEnv source -PythonVersion 3.12 -Requirement 'alpha==1.0'").AssertSuccess();
    }

    public void Dispose() => ps.Dispose();

    private JObject Installed(string env) => JObject.Parse(File.ReadAllText(Path.Combine(ps.RootPath, "envs", env, "installed.json")));

    private static string Sha256Of(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))).ToLowerInvariant();

    private string Wheel(string name) => Path.Combine(links, $"{name}-1.0-py2.py3-none-any.whl");

    // The same name and version, other content: what a compromised or careless index serves.
    private void RebuildAlphaWithOtherContent()
    {
        File.Delete(Wheel("alpha"));
        WheelBuilder.Write(links, "alpha", "1.0", requires: new[] { "beta>=1.0" }, files: new Dictionary<string, string> { ["alpha/evil.py"] = "print('not what was locked')" });
    }

    [Fact]
    public void An_install_records_the_file_and_sha256_of_every_package_it_fetched()
    {
        var packages = (JArray)Installed("source")["packages"]!;
        var alpha = packages.Single(p => (string)p["name"]! == "alpha")["artifact"]!;
        var beta = packages.Single(p => (string)p["name"]! == "beta")["artifact"]!;

        Assert.Equal("alpha-1.0-py2.py3-none-any.whl", (string)alpha["fileName"]!);
        Assert.Equal(Sha256Of(Wheel("alpha")), (string)alpha["sha256"]!);
        Assert.Equal(new Uri(Wheel("alpha")).AbsoluteUri, (string)alpha["url"]!);
        Assert.Equal("beta-1.5-py2.py3-none-any.whl", (string)beta["fileName"]!);
        Assert.Equal(Sha256Of(Path.Combine(links, "beta-1.5-py2.py3-none-any.whl")), (string)beta["sha256"]!);
        Assert.Equal(3, (int)Installed("source")["schemaVersion"]!);
    }

    [Fact]
    public void A_locked_import_refuses_a_file_whose_hash_differs_from_the_lock_naming_both_hashes()
    {
        var exported = ps.Scratch("source.json");
        ps.Run("Export-CodeEnv source $args[0]", exported).AssertSuccess();
        var locked = Sha256Of(Wheel("alpha"));
        RebuildAlphaWithOtherContent();

        var error = ps.Run("Import-CodeEnv $args[0] -NewName imported -Locked", exported).AssertError("ArtifactHashMismatch", ErrorCategory.InvalidData);

        Assert.Contains($"alpha 1.0: the lock expects 'alpha-1.0-py2.py3-none-any.whl' with sha256 {locked}", error.Exception.Message);
        Assert.Contains($"has sha256 {Sha256Of(Wheel("alpha"))}", error.Exception.Message);
        Assert.False(File.Exists(Path.Combine(ps.RootPath, "envs", "imported", "venv", "bin", "python")), "the imported env must not serve the rebuilt file");
    }

    [Fact]
    public void A_locked_copy_refuses_a_file_whose_hash_differs_from_the_source_lock()
    {
        RebuildAlphaWithOtherContent();

        ps.Run("Copy-CodeEnv source copied -Locked").AssertError("ArtifactHashMismatch", ErrorCategory.InvalidData);
    }

    [Fact]
    public void A_restore_that_rebuilds_refuses_a_file_whose_hash_differs_from_the_revisions_lock_and_keeps_serving()
    {
        ps.Run("Set-CodeEnvRoot -KeptVenvs 0").AssertSuccess();
        ps.Run("Set-CodeEnvPackage source -Requirement 'alpha==2.0'; Update-CodeEnv source").AssertSuccess();
        RebuildAlphaWithOtherContent();

        ps.Run("Restore-CodeEnv source -Revision 1").AssertError("ArtifactHashMismatch", ErrorCategory.InvalidData);

        var alpha = ((JArray)Installed("source")["packages"]!).Single(p => (string)p["name"]! == "alpha");
        Assert.Equal("2.0", (string)alpha["version"]!);
    }

    [Fact]
    public void An_export_whose_lock_gives_a_malformed_hash_is_refused_on_a_locked_import()
    {
        var exported = ps.Scratch("source.json");
        ps.Run("Export-CodeEnv source $args[0]", exported).AssertSuccess();
        var json = JObject.Parse(File.ReadAllText(exported));
        ((JArray)json["lock"]!).Single(p => (string)p["name"]! == "alpha")["artifact"]!["sha256"] = "not-a-hash --find-links /evil";
        File.WriteAllText(exported, json.ToString());

        ps.Run("Import-CodeEnv $args[0] -NewName bad-hash -Locked", exported).AssertError("ExportLockInvalid", ErrorCategory.InvalidData);
    }
}
