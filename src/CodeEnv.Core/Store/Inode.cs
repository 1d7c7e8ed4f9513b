using System;
using System.Runtime.InteropServices;

namespace CodeEnv.Store
{
    /// <summary>
    /// A file's identity on disk (device and inode, from stat(2), which .NET does not expose): how a size that must count
    /// each file once tells a second hard link of a file from another file.
    /// </summary>
    internal static class Inode
    {
        /// <summary>The device and inode of <paramref name="path"/>, or null where they cannot be read (Windows, a vanished file).</summary>
        public static (ulong Device, ulong Number)? Of(string path)
        {
            var isLinux = RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
            if (!isLinux && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return null;
            }

            // struct stat begins with st_dev (8 bytes on Linux, 4 on macOS); st_ino is at offset 8 on both.
            return FileKind.WithStat(path, buffer => (isLinux ? (ulong)Marshal.ReadInt64(buffer, 0) : (uint)Marshal.ReadInt32(buffer, 0), (ulong)Marshal.ReadInt64(buffer, 8)));
        }
    }
}
