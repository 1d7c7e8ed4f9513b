using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A class fixture with one served root for a test class, and the real OS users it names, each in its group; members
/// of <see cref="Creators"/> may create envs. Where the tests cannot run (not root on Linux) it makes nothing, and the
/// tests say why they are skipped.
/// </summary>
public abstract class ServedRootFixture : IDisposable
{
    public const string Creators = "codeenv-creators";

    private readonly ServedRootHost? served;

    protected ServedRootFixture(params (string User, string Group)[] users)
    {
        if (!OperatingSystem.IsLinux() || System.Environment.UserName != "root")
        {
            return;
        }

        foreach (var (user, group) in users)
        {
            OsAccounts.EnsureUser(user, group);
        }

        served = new ServedRootHost();
        ShellProcess.Run(new[] { "-Command", $"Set-CodeEnvRoot -Root '{served.Root}' -CreatorGroup {Creators}" }).AssertSucceeded();
        Arrange(served);
    }

    public ServedRootHost Served => served ?? throw new InvalidOperationException("A served root needs root.");

    public virtual void Dispose() => served?.Dispose();

    /// <summary>What the test class needs on the root besides its users.</summary>
    protected virtual void Arrange(ServedRootHost root)
    {
    }
}
