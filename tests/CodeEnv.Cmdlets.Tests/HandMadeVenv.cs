using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>A venv made by hand, as an admin arrives with it: python -m venv, then pip from the fixture's wheels.</summary>
public static class HandMadeVenv
{
    public static string Python312 => Directory.GetDirectories(Path.Combine(PyenvRoot, "versions"), "3.12.*").Select(d => Path.Combine(d, "bin", "python3")).First(File.Exists);

    private static string PyenvRoot => System.Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".pyenv");

    /// <summary>Makes a venv at <paramref name="folder"/> and installs <paramref name="packages"/> (names or archive paths) from <paramref name="links"/>.</summary>
    public static string Make(string folder, string links, params string[] packages)
    {
        var made = ChildProcess.Run(Python312, "-m", "venv", folder);
        Assert.True(made.ExitCode == 0, made.Output);
        var pip = ChildProcess.Run(Path.Combine(folder, "bin", "python"), new[] { "-m", "pip", "install", "--no-index", "--find-links", links, "--disable-pip-version-check" }.Concat(packages).ToArray());
        Assert.True(pip.ExitCode == 0, pip.Output);
        return folder;
    }

    /// <summary>Every file under the folder with its size and write time, to prove a venv was left as it was.</summary>
    public static List<string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("__pycache__"))
            .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
}
