using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Whoever can write an env's folder must not be able to send the next operation's writes elsewhere, or make it
/// run their code: each attack is planted for real, then the operation an administrator would run next.
/// </summary>
public class PlantedLinkAttackTests : IDisposable
{
    private readonly PowerShellSession ps = PackageSession.Create();
    private readonly string env;
    private readonly string elsewhere;

    public PlantedLinkAttackTests()
    {
        ps.Run("New-CodeEnv target -PythonVersion 3.12 -Requirement 'alpha==1.0'").AssertSuccess();
        env = Path.Combine(ps.RootPath, "envs", "target");
        elsewhere = ps.Scratch("only-root-may-write");
        Directory.CreateDirectory(elsewhere);
    }

    public void Dispose() => ps.Dispose();

    [Theory]
    [InlineData("logs")]
    [InlineData("history")]
    public void A_folder_the_engine_writes_replaced_by_a_link_is_refused_and_nothing_is_written_through_it(string folder)
    {
        Directory.Delete(Path.Combine(env, folder), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(env, folder), elsewhere);

        var error = ps.Run("Set-CodeEnvPackage target 'alpha==1.0', 'beta' -Update").AssertError("PathIsLink", ErrorCategory.InvalidData);

        Assert.Contains(folder, error.Exception.Message);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }

    [Fact]
    public void An_installed_json_replaced_by_a_link_is_refused()
    {
        var victim = Path.Combine(elsewhere, "victim.txt");
        File.WriteAllText(victim, "precious");
        File.Delete(Path.Combine(env, "installed.json"));
        File.CreateSymbolicLink(Path.Combine(env, "installed.json"), victim);

        ps.Run("Update-CodeEnv target -Upgrade").AssertError("PathIsLink", ErrorCategory.InvalidData);

        Assert.Equal("precious", File.ReadAllText(victim));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_venv_python_replaced_by_a_script_is_never_run()
    {
        var python = Path.Combine(env, "venv", "bin", "python");
        var proof = Path.Combine(elsewhere, "ran-as-the-updater");
        File.Delete(python);
        File.WriteAllText(python, $"#!/bin/sh\ntouch '{proof}'\nexec /root/.pyenv/versions/3.12.1/bin/python3.12 \"$@\"\n");
        File.SetUnixFileMode(python, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = ps.Run("Set-CodeEnvPackage target 'alpha==1.0', 'beta' -Update").AssertError("VenvInterpreterReplaced", ErrorCategory.InvalidData);

        Assert.Contains("-Rebuild", error.Exception.Message);
        Assert.False(File.Exists(proof));
        // The way out the error names works, and runs nothing planted either.
        Assert.Equal("Ready", ps.Run("(Update-CodeEnv target -Rebuild -PassThru).State").AssertSuccess().Output.Single().ToString());
        Assert.False(File.Exists(proof));
    }

    [Fact]
    public void A_venv_python_pointed_at_another_interpreter_is_never_run()
    {
        var python = Path.Combine(env, "venv", "bin", "python");
        File.Delete(python);
        File.CreateSymbolicLink(python, "/bin/sh");

        ps.Run("Update-CodeEnv target -Upgrade").AssertError("VenvInterpreterReplaced", ErrorCategory.InvalidData);
    }
}
