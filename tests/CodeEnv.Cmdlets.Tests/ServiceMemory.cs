using System.Diagnostics;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The memory of a served root's service process as the kernel counts it (/proc/&lt;pid&gt;/status): VmRSS now, VmHWM
/// the most it ever held. Sampled while an attack runs, so a peak between samples still shows in VmHWM.
/// </summary>
public sealed class ServiceMemory : IDisposable
{
    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    private ServiceMemory(int pid)
    {
        this.pid = pid;
        Before = Read(pid);
        sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var now = Read(pid);
                lock (stop)
                {
                    PeakRssKiB = Math.Max(PeakRssKiB, now.RssKiB);
                }

                await Task.Delay(100).ContinueWith(_ => { });
            }
        });
    }

    public (long RssKiB, long HwmKiB) Before { get; }

    public long PeakRssKiB { get; private set; }

    /// <summary>Starts sampling the service of <paramref name="root"/>.</summary>
    public static ServiceMemory Watch(string root) => new(ServicePid(root));

    public static int ServicePid(string root)
    {
        foreach (var line in ChildProcess.Run("pgrep", "-f", $"serve --root {root}$").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var pid = int.Parse(line.Trim());
            if (File.Exists($"/proc/{pid}/comm") && File.ReadAllText($"/proc/{pid}/comm").Trim() == "dotnet")
            {
                return pid;
            }
        }

        throw new InvalidOperationException("The service of " + root + " is not running.");
    }

    /// <summary>VmRSS and VmHWM now.</summary>
    public (long RssKiB, long HwmKiB) Now() => Read(pid);

    public bool ServiceRuns => Directory.Exists($"/proc/{pid}");

    public string Describe()
    {
        var now = Now();
        return $"VmRSS {Before.RssKiB / 1024} MiB before, peak {PeakRssKiB / 1024} MiB, {now.RssKiB / 1024} MiB after; VmHWM {Before.HwmKiB / 1024} MiB before, {now.HwmKiB / 1024} MiB after";
    }

    public void Dispose()
    {
        stop.Cancel();
        sampling.Wait();
    }

    private static (long RssKiB, long HwmKiB) Read(int pid)
    {
        long rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadAllLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kib(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kib(line);
                }
            }
        }
        catch (IOException)
        {
        }

        return (rss, hwm);
    }

    private static long Kib(string line) => long.Parse(line.Split(':')[1].Trim().Split(' ')[0]);
}
