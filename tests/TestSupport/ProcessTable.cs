using System;
using System.IO;
using System.Linq;

namespace CodeEnv.TestSupport;

/// <summary>The machine's processes as /proc lists them, for tests that wait for one to start or to be gone.</summary>
public static class ProcessTable
{
    /// <summary>
    /// Whether a live process has <paramref name="marker"/> in its command line. A test puts a unique marker in what it
    /// starts, so another run's process is never taken for its own; an ended process's command line reads empty.
    /// </summary>
    public static bool AnyCommandLineContains(string marker) =>
        Directory.GetDirectories("/proc").Select(d => Path.Combine(d, "cmdline")).Any(f =>
        {
            try
            {
                return File.Exists(f) && File.ReadAllText(f).Contains(marker, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        });
}
