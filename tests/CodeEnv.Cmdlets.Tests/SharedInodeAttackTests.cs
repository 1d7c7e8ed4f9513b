using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// No file of one env may share an inode with another env or with the seed: an owner's write to pip's code in
/// their env must not reach another env, whose next update may run as root.
/// </summary>
public class SharedInodeAttackTests
{
    [Fact]
    public void Every_file_of_a_venv_has_its_own_inode()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv mine -PythonVersion 3.12; New-CodeEnv theirs -PythonVersion 3.12").AssertSuccess();

        // find -links +1: regular files with more than one name, i.e. shared with some other path.
        var shared = ChildProcess.Run("find", ps.RootPath, "-type", "f", "-links", "+1");

        Assert.Equal(0, shared.ExitCode);
        Assert.Equal("", shared.Output.Trim());
    }

    [Fact]
    public void A_write_to_pip_in_one_env_changes_neither_another_env_nor_the_seed()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv mine -PythonVersion 3.12; New-CodeEnv theirs -PythonVersion 3.12").AssertSuccess();
        string PipInit(string venv) => Directory.GetFiles(Path.Combine(venv, "lib"), "__init__.py", SearchOption.AllDirectories).Single(f => f.EndsWith("/site-packages/pip/__init__.py"));
        var seed = Path.Combine(Directory.GetDirectories(Path.Combine(ps.RootPath, "cache", "seeds"), "3.12.*").Single(), "venv");
        var theirs = File.ReadAllText(PipInit(Path.Combine(ps.RootPath, "envs", "theirs", "venv")));

        File.AppendAllText(PipInit(Path.Combine(ps.RootPath, "envs", "mine", "venv")), "\nimport os; os.system('touch /tmp/pwned-by-mine')\n");

        Assert.Equal(theirs, File.ReadAllText(PipInit(Path.Combine(ps.RootPath, "envs", "theirs", "venv"))));
        Assert.Equal(theirs, File.ReadAllText(PipInit(seed)));
    }
}
