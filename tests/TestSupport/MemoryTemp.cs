namespace CodeEnv.TestSupport;

/// <summary>
/// The test run's temporary folder in memory (a folder of its own under /dev/shm, as TMPDIR for the test host and every
/// process it starts) instead of /tmp on the disk. The suite creates and deletes hundreds of thousands of files (roots,
/// venvs laid out from seeds, mirrors); on ext4, creating a file after many deletions scans for recently deleted inodes,
/// and perf showed that scan taking a fifth of all CPU in a run. Only where the machine has /dev/shm and the developer
/// set no TMPDIR; world-writable and sticky like /tmp, since the suite's other OS users work there too.
/// </summary>
public static class MemoryTemp
{
    /// <summary>Points TMPDIR at the run's folder in memory; returns it, or null when the run keeps the usual one.</summary>
    public static string? Use()
    {
        if (!OperatingSystem.IsLinux() || !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("TMPDIR")) || !Directory.Exists("/dev/shm"))
        {
            return null;
        }

        var folder = $"/dev/shm/codeenv-tests-{System.Environment.ProcessId}";
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, UnixFileMode.StickyBit | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        System.Environment.SetEnvironmentVariable("TMPDIR", folder);
        return folder;
    }

    /// <summary>Deletes the run's folder and whatever a test left in it.</summary>
    public static void Delete(string? folder)
    {
        if (folder == null)
        {
            return;
        }

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
