using System;
using System.Runtime.InteropServices;
using CodeEnv.Interop;

namespace CodeEnv.Store
{
    /// <summary>
    /// Whether a path (after symlinks) is a regular file, or a socket. .NET reports a FIFO or a device as an ordinary file, and
    /// opening a FIFO blocks until someone writes to it, so files a caller names are checked with stat(2) first.
    /// </summary>
    internal static class FileKind
    {
        private const uint TypeMask = 0xF000;
        private const uint Regular = 0x8000;

        private const uint Socket = 0xC000;

        /// <summary>True for a regular file; also true where the type cannot be told (Windows has no FIFOs in paths).</summary>
        public static bool IsRegularFile(string path)
        {
            var mode = ModeOf(path);
            // Missing or unreadable: the caller's own open reports that precisely.
            return mode == null || (mode.Value & TypeMask) == Regular;
        }

        /// <summary>True for a Unix domain socket (a stale service endpoint); false where the type cannot be told.</summary>
        public static bool IsSocket(string path)
        {
            var mode = ModeOf(path);
            return mode != null && (mode.Value & TypeMask) == Socket;
        }

        /// <summary>st_mode of a path after symlinks (type and permission bits), or null where it cannot be read or told.</summary>
        internal static uint? ModeOf(string path) =>
            StatField(path, ModeOffset(), (buffer, offset) => RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? (uint)(ushort)Marshal.ReadInt16(buffer, offset) : (uint)Marshal.ReadInt32(buffer, offset));

        /// <summary>st_uid of a path after symlinks: the file's owner, or null where it cannot be read or told.</summary>
        internal static uint? OwnerOf(string path) => StatField(path, OwnerOffset(), (buffer, offset) => (uint)Marshal.ReadInt32(buffer, offset));

        /// <summary>st_nlink of a path after symlinks: how many names the file has, or null where it cannot be read or told.</summary>
        internal static uint? LinkCountOf(string path) => StatField(path, LinkCountOffset(), (buffer, offset) =>
            RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? (uint)(ushort)Marshal.ReadInt16(buffer, offset)
            : RuntimeInformation.ProcessArchitecture == Architecture.X64 ? (uint)Marshal.ReadInt64(buffer, offset)
            : (uint)Marshal.ReadInt32(buffer, offset));

        /// <summary>One field of a path's struct stat, read by <paramref name="read"/>; null where the platform's layout is not known or stat fails.</summary>
        private static uint? StatField(string path, int offset, Func<IntPtr, int, uint> read) =>
            offset < 0 ? null : WithStat(path, buffer => read(buffer, offset));

        /// <summary>What <paramref name="read"/> takes from a path's struct stat (after symlinks), or null where stat fails.</summary>
        internal static T? WithStat<T>(string path, Func<IntPtr, T> read)
            where T : struct
        {
            var buffer = Marshal.AllocHGlobal(256);
            try
            {
                return Stat(path, buffer) != 0 ? (T?)null : read(buffer);
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }

        // Where st_uid lies in struct stat on the platforms we build for.
        private static int OwnerOffset() => OffsetOn(28, 24, 16);

        // Where st_nlink lies in struct stat on the platforms we build for.
        private static int LinkCountOffset() => OffsetOn(16, 20, 6);

        // Where st_mode lies in struct stat on the platforms we build for.
        private static int ModeOffset() => OffsetOn(24, 16, 4);

        // A field's offset in struct stat on Linux x64, Linux arm64 and macOS; -1 elsewhere, where it is not known.
        private static int OffsetOn(int linuxX64, int linuxArm64, int macOS)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                switch (RuntimeInformation.ProcessArchitecture)
                {
                    case Architecture.X64: return linuxX64;
                    case Architecture.Arm64: return linuxArm64;
                }
            }
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            {
                return macOS;
            }

            return -1;
        }

        internal static int Stat(string path, IntPtr buffer)
        {
            try
            {
                return Libc.Stat(path, buffer);
            }
            catch (EntryPointNotFoundException)
            {
                // glibc before 2.33 exports stat only as __xstat.
                return Libc.Xstat(1, path, buffer);
            }
        }
    }
}
