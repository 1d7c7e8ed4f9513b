using System.Runtime.InteropServices;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Lets the processes the tests start hear Ctrl+C (SIGINT), however the test run was started. A background job of a
/// non-interactive shell (`dotnet test ... &` in a script) starts with SIGINT ignored, every process it starts inherits
/// that, and .NET keeps an inherited ignore (as shells do for background jobs): the codeenv shells the Ctrl+C tests
/// interrupt then never heard it, and those tests failed after minutes of waiting. The test host takes the default
/// disposition back once, before any test runs; a Ctrl+C at the test host then ends it, as in the foreground.
/// </summary>
internal static class CtrlCReachesChildren
{
    private const int SigInt = 2;

    private static readonly IntPtr DefaultDisposition = IntPtr.Zero;

    public static void Restore()
    {
        if (OperatingSystem.IsLinux() && IsIgnored())
        {
            _ = signal(SigInt, DefaultDisposition);
        }
    }

    /// <summary>Whether SIGINT is ignored in this process (and so in every process it starts), from /proc/self/status.</summary>
    private static bool IsIgnored()
    {
        var ignored = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (Convert.ToUInt64(ignored, 16) & (1UL << (SigInt - 1))) != 0;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern IntPtr signal(int signum, IntPtr handler);
}
