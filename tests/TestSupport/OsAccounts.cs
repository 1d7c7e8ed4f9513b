namespace CodeEnv.TestSupport;

/// <summary>A fact that needs root (to create OS users and switch to them); skipped, with the reason, otherwise.</summary>
public sealed class AsRootFactAttribute : FactAttribute
{
    public AsRootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "creating OS users and switching to them (useradd, runuser) needs root on Linux; CI runs as root.";
        }
    }
}

/// <summary>A theory that needs root, as <see cref="AsRootFactAttribute"/>.</summary>
public sealed class AsRootTheoryAttribute : TheoryAttribute
{
    public AsRootTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "creating OS users and switching to them (useradd, runuser) needs root on Linux; CI runs as root.";
        }
    }
}

/// <summary>Real OS users and groups for tests, created once per name.</summary>
public static class OsAccounts
{
    private static readonly object Gate = new();

    public static void EnsureUser(string name, params string[] groups)
    {
        lock (Gate)
        {
            foreach (var group in groups)
            {
                if (ChildProcess.Run("getent", "group", group).ExitCode != 0)
                {
                    Assert.Equal(0, ChildProcess.Run("groupadd", group).ExitCode);
                }
            }

            if (ChildProcess.Run("id", name).ExitCode != 0)
            {
                var arguments = new List<string> { "-M", "-s", "/bin/sh" };
                if (groups.Length > 0)
                {
                    arguments.AddRange(new[] { "-G", string.Join(",", groups) });
                }

                arguments.Add(name);
                Assert.Equal(0, ChildProcess.Run("useradd", arguments.ToArray()).ExitCode);
            }
            else if (groups.Length > 0)
            {
                // A user another test made already: in these groups too, from its next login (each runuser is one).
                Assert.Equal(0, ChildProcess.Run("usermod", "-a", "-G", string.Join(",", groups), name).ExitCode);
            }
        }
    }
}
