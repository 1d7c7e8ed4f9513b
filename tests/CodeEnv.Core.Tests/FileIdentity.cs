using System.Runtime.InteropServices;

namespace CodeEnv.Core.Tests;

/// <summary>A file's device, inode and link count from stat(2), which .NET does not expose: how a test tells a hard link from a copy.</summary>
internal static class FileIdentity
{
    public static (ulong Device, ulong Inode, ulong Links) Of(string path)
    {
        var buffer = Marshal.AllocHGlobal(256);
        try
        {
            if (Stat(path, buffer) != 0)
            {
                throw new IOException($"stat '{path}' failed (errno {Marshal.GetLastPInvokeError()}).");
            }

            var device = (ulong)Marshal.ReadInt64(buffer, 0);
            var inode = (ulong)Marshal.ReadInt64(buffer, 8);
            // struct stat: x86_64 has st_nlink (8 bytes) before st_mode; arm64 has st_mode, then st_nlink (4 bytes).
            var links = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? (ulong)Marshal.ReadInt64(buffer, 16) : (ulong)(uint)Marshal.ReadInt32(buffer, 20);
            return (device, inode, links);
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    public static ulong Inode(string path) => Of(path).Inode;

    public static ulong Links(string path) => Of(path).Links;

    private static int Stat(string path, IntPtr buffer)
    {
        try
        {
            return stat(path, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            return __xstat(1, path, buffer);
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int stat(string path, IntPtr buffer);

    [DllImport("libc", SetLastError = true)]
    private static extern int __xstat(int version, string path, IntPtr buffer);
}
