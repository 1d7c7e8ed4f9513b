using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A package whose pip build waits for as long as a file exists: an sdist with an in-tree PEP 517 backend in the
/// session's find-links folder. An update that installs it stalls inside pip, where tests kill it,
/// start other jobs against it, or stop it.
/// </summary>
public static class StallingPackage
{
    /// <summary>Writes the sdist "stalling" 1.0 into the session's links folder; returns the file whose existence stalls its build.</summary>
    public static string Write(PowerShellSession ps)
    {
        var links = ps.Scratch("links");
        var stall = ps.Scratch("stall-while-this-exists");
        File.WriteAllText(stall, "");
        SdistBuilder.WriteWithInTreeBackend(links, "stalling", "1.0", hookPrelude: $"import os, time\nwhile os.path.exists({System.Text.Json.JsonSerializer.Serialize(stall)}):\n    time.sleep(0.2)\n");
        return stall;
    }

    // What pip prints last before it calls the backend's first hook, where the build stalls.
    private const string BuildStarted = "Getting requirements to build wheel: started";

    /// <summary>Waits until an update of the env has reached pip's build of the stalling package (and <paramref name="also"/> holds).</summary>
    public static void WaitUntilPipStalls(PowerShellSession ps, string name, Func<bool>? also = null)
    {
        var logs = Path.Combine(ps.RootPath, "envs", name, "logs");
        // pip's own line for the build that stalls, which pip prints last before the backend's hook runs; the update's earlier
        // lines name the package too (the lines it installs, why pip installs them), and a pip killed before it is quiet
        // would die on its next write to a closed pipe.
        Patience.WaitUntil(() => Directory.GetFiles(logs, "*update.log").Any(l => ReadShared(l).Split('\n').Any(line => line.Contains(BuildStarted))) && (also == null || also()), "The update never reached pip's build of the stalling package.");
    }

    /// <summary>A file another process is still writing.</summary>
    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }
}
