using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The codeenv shell as other OS users run it: a copy of the shell and the module in a folder everyone may read (the
/// repository may sit in a folder only its owner can enter: CI clones into mktemp -d, mode 0700), started with runuser.
/// </summary>
public static class OsUserShell
{
    private static readonly Lazy<string> SharedShell = new(() =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "codeenv-shell-" + Guid.NewGuid().ToString("N")[..8]);
        CopyFolder(Path.GetDirectoryName(RepoPaths.Shell)!, folder);
        CopyFolder(RepoPaths.ModuleFolder, Path.Combine(folder, "CodeEnv"));
        Assert.Equal(0, ChildProcess.Run("chmod", "-R", "a+rX", folder).ExitCode);
        return Path.Combine(folder, Path.GetFileName(RepoPaths.Shell));
    });

    /// <summary>Starts codeenv as <paramref name="user"/> with these arguments, in a plain environment (no pyenv, HOME in /tmp).</summary>
    public static Process Start(string user, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = "/tmp" };
        foreach (var argument in new[] { "-u", user, "--", "dotnet", SharedShell.Value }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("PYENV", StringComparison.Ordinal) || k.StartsWith("CODEENV", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }

        start.Environment["HOME"] = "/tmp";
        start.Environment["DOTNET_CLI_HOME"] = "/tmp";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Runs a PowerShell script as <paramref name="user"/>; $args holds <paramref name="arguments"/>.</summary>
    public static ShellProcess.Result RunAs(string user, string script, params string[] arguments)
    {
        var command = arguments.Length == 0 ? script : $"& {{ {script} }} {string.Join(" ", arguments.Select(a => "'" + a.Replace("'", "''") + "'"))}";
        using var process = Start(user, new[] { "-Command", command });
        return ShellProcess.Wait(process);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
