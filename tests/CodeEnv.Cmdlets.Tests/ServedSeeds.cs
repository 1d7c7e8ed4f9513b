using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The seed of Debian's python (a venv `python -m venv` made, which every first env of an interpreter is laid out from)
/// as the service account builds it, made once per test run and laid into each served root before its service starts:
/// each served root built the same seed again (ensurepip, about 4.6 CPU-seconds) for its first env. Into a served
/// root the seed goes by hard links, so its files stay the service account's and read-only, as the ones the service
/// builds; into a root another account will own, as a copy that account is then given.
/// </summary>
public static class ServedSeeds
{
    private static readonly string Folder = Path.Combine("/tmp", $"codeenv-served-seeds-{Environment.ProcessId}");

    // A direct root of the service account's own, in which it makes one env of Debian's python: the engine builds the
    // seed exactly as it would in a served root, where seeds are built outside the pip sandbox, as the account.
    private static readonly Lazy<string> Seeds = new(() =>
    {
        Directory.CreateDirectory(Folder);
        Assert.Equal(0, ChildProcess.Run("chown", ServedRootHost.ServiceAccount, Folder).ExitCode);
        var root = Path.Combine(Folder, "root");
        OsUserShell.RunAs(ServedRootHost.ServiceAccount, "Initialize-CodeEnvRoot -Path $args[0] | Out-Null; New-CodeEnv seed -Interpreter $args[1] -Root $args[0] | Out-Null", root, ServedRootHost.Python).AssertSucceeded();
        return Path.Combine(root, "cache", "seeds");
    });

    /// <summary>Lays the seed into a served root's cache (hard links: the root is the service account's too).</summary>
    public static void LinkInto(string root) => LayInto(root, "-al");

    /// <summary>Copies the seed into a root's cache, for a root that is then given to another account.</summary>
    public static void CopyInto(string root) => LayInto(root, "-a");

    /// <summary>Deletes the run's seed; the test framework calls it once every test has run.</summary>
    public static void Delete() => ChildProcess.Run("rm", "-rf", Folder);

    private static void LayInto(string root, string copy)
    {
        var seeds = Path.Combine(root, "cache", "seeds");
        var owner = ChildProcess.Run("stat", "-c", "%U", Path.Combine(root, "cache")).Output.Trim();
        Directory.CreateDirectory(seeds);
        Assert.Equal(0, ChildProcess.Run("chown", owner, seeds).ExitCode);
        foreach (var seed in Directory.GetDirectories(Seeds.Value))
        {
            var laid = ChildProcess.Run("cp", copy, seed, seeds);
            Assert.True(laid.ExitCode == 0, laid.Output);
        }
    }
}
