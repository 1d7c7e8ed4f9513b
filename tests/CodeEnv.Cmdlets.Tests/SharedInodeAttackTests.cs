using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Venvs share files with the package store and the interpreter's seed by hard links, one inode in many places. Only
/// the file's owner can make a read-only file writable again, so a shared file must be read-only and belong to the user
/// who makes the venvs that link it: a user's write to a file they own must never reach an env another user (root, in
/// the end) makes or updates, or that env's next run would run the user's code.
/// </summary>
public class SharedInodeAttackTests
{
    private const string Mallory = "codeenv-mallory";

    private static string Mode(string file) => ChildProcess.Run("stat", "-c", "%a %U", file).Output.Trim();

    private static string Inode(string file) => ChildProcess.Run("stat", "-c", "%i", file).Output.Trim();

    private static string Module(PowerShellSession ps, string env, string package) =>
        Directory.GetFiles(Path.Combine(ps.RootPath, "envs", env, "venv", "lib"), "__init__.py", SearchOption.AllDirectories).Single(f => f.EndsWith($"/site-packages/{package}/__init__.py"));

    [Fact]
    public void Every_file_venvs_share_is_read_only_and_belongs_to_the_user_who_made_them()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv mine -PythonVersion 3.12 -Requirement alpha; New-CodeEnv theirs -PythonVersion 3.12 -Requirement alpha").AssertSuccess();
        var me = ChildProcess.Run("id", "-un").Output.Trim();

        // find -links +1: regular files with more than one name, i.e. shared with some other path.
        var shared = ChildProcess.Run("find", Path.Combine(ps.RootPath, "envs"), "-type", "f", "-links", "+1").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains(shared, f => f.EndsWith("/site-packages/alpha/__init__.py"));
        Assert.All(shared, f => Assert.Matches($"^[45][45][45] {me}$", Mode(f)));
    }

    [AsRootFact]
    public void A_user_who_owns_stored_files_cannot_reach_an_env_root_makes_from_them()
    {
        OsAccounts.EnsureUser(Mallory);
        // A seed of the root's own: the run's shared seeds are not this root's to hand to Mallory.
        using var ps = PackageSession.Create(sharedSeeds: false);
        ps.Run("New-CodeEnv mine -PythonVersion 3.12 -Requirement alpha").AssertSuccess();
        // The store and the seed as another user made them: their files are that user's to make writable again.
        Assert.Equal(0, ChildProcess.Run("chown", "-R", Mallory, Path.Combine(ps.RootPath, "store"), Path.Combine(ps.RootPath, "cache", "seeds")).ExitCode);

        ps.Run("New-CodeEnv theirs -PythonVersion 3.12 -Requirement alpha").AssertSuccess();
        var alpha = Module(ps, "theirs", "alpha");
        var pip = Module(ps, "theirs", "pip");
        var alphaBefore = File.ReadAllText(alpha);
        var pipBefore = File.ReadAllText(pip);
        // What Mallory can do to every file she owns: make it writable and change it.
        foreach (var owned in ChildProcess.Run("find", Path.Combine(ps.RootPath, "store"), Path.Combine(ps.RootPath, "cache", "seeds"), "-type", "f", "-name", "__init__.py").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var changed = ChildProcess.Run("runuser", "-u", Mallory, "--", "sh", "-c", "chmod u+w \"$0\" && echo \"import os; os.system('touch /tmp/pwned-by-mallory')\" >> \"$0\"", owned);
            Assert.True(changed.ExitCode == 0 || changed.Output.Contains("Permission denied"), changed.Output);
            if (changed.ExitCode != 0)
            {
                // Mallory cannot reach the file through the test's private temp folder: the owner's power, used as root.
                File.AppendAllText(owned, "\nimport os; os.system('touch /tmp/pwned-by-mallory')\n");
            }
        }

        Assert.Equal(alphaBefore, File.ReadAllText(alpha));
        Assert.Equal(pipBefore, File.ReadAllText(pip));
        Assert.Equal("1", ChildProcess.Run("stat", "-c", "%h", alpha).Output.Trim());
        Assert.NotEqual(Inode(Module(ps, "mine", "alpha")), Inode(alpha));
    }
}
