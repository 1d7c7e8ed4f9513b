using System.Runtime.InteropServices;

namespace CodeEnv
{
    internal static class Platform
    {
        public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public static bool IsLinux => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

        public static string HostName => System.Environment.MachineName;

        public static int ProcessId => System.Diagnostics.Process.GetCurrentProcess().Id;
    }
}
