using System.Security.Cryptography;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Test-CodeEnv -VerifyFiles on real venvs built from the package store, one root with an env of copies (LinkMode Copy)
/// and one of links, whose files are then changed as someone with write access to them would.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class VerifyFilesTests
{
    private static string Sha256Of(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))).ToLowerInvariant();

    private static string Links(string file) => ChildProcess.Run("stat", "-c", "%h", file).Output.Trim();

    private static string Module(PowerShellSession ps, string env, string package) =>
        Directory.GetFiles(Path.Combine(ps.RootPath, "envs", env, "venv", "lib"), "__init__.py", SearchOption.AllDirectories).Single(f => f.EndsWith($"/site-packages/{package}/__init__.py"));

    [Fact]
    public void A_Copy_roots_venv_shares_no_inode_verifies_and_a_changed_copy_and_a_changed_store_file_are_findings()
    {
        using var ps = PackageSession.Create();
        ps.Run("Set-CodeEnvRoot -LinkMode Copy").AssertSuccess();
        Assert.Equal("Copy", ps.Run("(Get-CodeEnvRoot).LinkMode.ToString()").AssertSuccess().Output.Single().BaseObject);
        ps.Run("New-CodeEnv copied -PythonVersion 3.12 -Requirement 'alpha==1.0'").AssertSuccess();
        ps.Run("Set-CodeEnvRoot -LinkMode Link; New-CodeEnv linked -PythonVersion 3.12 -Requirement 'alpha==1.0'").AssertSuccess();
        var copy = Module(ps, "copied", "alpha");

        // A Copy root's venv holds its own files, the store's and the seed's pip alike; a Link root's share the store's.
        Assert.Equal(("1", "1"), (Links(copy), Links(Module(ps, "copied", "pip"))));
        Assert.NotEqual("1", Links(Module(ps, "linked", "alpha")));
        var healthy = ps.Run("Test-CodeEnv copied, linked -VerifyFiles").AssertSuccess().Output;
        Assert.All(healthy, r => Assert.True(r.Get<string>("Status") == "Healthy", string.Join("\n", r.Get<string[]>("Problems"))));
        Assert.All(healthy, r => Assert.Empty(r.Get<object[]>("FileFindings")));

        var installed = Sha256Of(copy);
        File.AppendAllText(copy, "\nimport os\n");
        var changed = ps.Run("Test-CodeEnv copied -VerifyFiles").Single("CodeEnv.HealthReport");
        var finding = ps.Run("(Test-CodeEnv copied -VerifyFiles).FileFindings").AssertSuccess().Output.Single();
        Assert.Equal("Unhealthy", changed.Get<string>("Status"));
        Assert.Equal(("Changed", "copied", "alpha 1.0", copy), (finding.Get<string>("Kind"), finding.Get<string>("EnvironmentName"), finding.Get<string>("Package"), finding.Get<string>("File")));
        Assert.Equal((installed, Sha256Of(copy)), (finding.Get<string>("ExpectedSha256"), finding.Get<string>("ActualSha256")));
        Assert.Contains("Update-CodeEnv -Rebuild", finding.Get<string>("Advice"));
        Assert.Contains(changed.Get<string[]>("Problems"), p => p.Contains(copy));

        // Root (the store's owner) changes a stored file: every venv linking it runs the change, and both envs used it.
        var stored = Directory.GetFiles(Path.Combine(ps.RootPath, "store", "trees"), "__init__.py", SearchOption.AllDirectories).Single(f => f.EndsWith("/beta/__init__.py"));
        var storedBefore = Sha256Of(stored);
        File.SetUnixFileMode(stored, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.AppendAllText(stored, "\nimport os\n");
        var store = ps.Run("Test-CodeEnv linked -VerifyFiles | ForEach-Object FileFindings | Where-Object Kind -eq StoreChanged").AssertSuccess().Output.Single();
        Assert.Equal((stored, storedBefore, Sha256Of(stored)), (store.Get<string>("File"), store.Get<string>("ExpectedSha256"), store.Get<string>("ActualSha256")));
        Assert.Equal(new[] { "copied (current)", "linked (current)" }, store.Get<string[]>("LinkedBy"));
        Assert.Equal("Unhealthy", ps.Run("Test-CodeEnv linked -VerifyFiles").Single("CodeEnv.HealthReport").Get<string>("Status"));
        Assert.Equal("Healthy", ps.Run("Test-CodeEnv linked").Single("CodeEnv.HealthReport").Get<string>("Status"));
    }
}
