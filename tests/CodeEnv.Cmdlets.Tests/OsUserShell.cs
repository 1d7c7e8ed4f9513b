using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The codeenv shell as other OS users run it: a copy of the shell and the module in a folder everyone may read (the
/// repository may sit in a folder only its owner can enter: CI clones into mktemp -d, mode 0700), started with runuser.
/// </summary>
public static class OsUserShell
{
    private const string FolderPrefix = "codeenv-shell-";

    // One copy per test process, named after it: codeenv-shell-<pid>-<random>. It is deleted once the whole assembly has
    // run (CmdletTestFramework; the services and shells started from it end with their tests), and one that a killed
    // test process left is deleted by the next test process that makes a copy.
    private static readonly Lazy<string> SharedShell = new(() =>
    {
        DeleteCopiesOfEndedProcesses();
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        FolderCopy.Copy(Path.GetDirectoryName(RepoPaths.Shell)!, folder);
        // The shell's own copy of the module (compiled ahead of time on Linux x64) came with it; elsewhere, out/CodeEnv.
        if (!Directory.Exists(Path.Combine(folder, "CodeEnv")))
        {
            FolderCopy.Copy(RepoPaths.ModuleFolder, Path.Combine(folder, "CodeEnv"));
        }

        Assert.Equal(0, ChildProcess.Run("chmod", "-R", "a+rX", folder).ExitCode);
        return Path.Combine(folder, Path.GetFileName(RepoPaths.Shell));
    });

    /// <summary>Deletes this process's copy of the shell, if it made one: when no test will start it again.</summary>
    public static void DeleteCopy()
    {
        if (SharedShell.IsValueCreated)
        {
            DeleteFolder(Path.GetDirectoryName(SharedShell.Value)!);
        }
    }

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

        if (ContainerMachine.IsRunning)
        {
            foreach (var (name, value) in ContainerMachine.Instance.EnvironmentFor(user))
            {
                start.Environment[name] = value;
            }
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

    // Only copies whose process has ended: another test run on this machine may be using its own copy right now.
    private static void DeleteCopiesOfEndedProcesses()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (int.TryParse(owner, out var pid) && !IsRunning(pid))
            {
                DeleteFolder(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
