using System;
using System.IO;
using System.Runtime.InteropServices;
using CodeEnv.Interop;

namespace CodeEnv.Store
{
    /// <summary>Resolves symlinks so one interpreter reached by several names is seen once.</summary>
    public static class RealPath
    {
        public static string Of(string path)
        {
            var full = Path.GetFullPath(path);
            if (Platform.IsWindows)
            {
                return full;
            }

            var resolved = Libc.Realpath(full, IntPtr.Zero);
            if (resolved == IntPtr.Zero)
            {
                return full;
            }

            try
            {
                return Marshal.PtrToStringAnsi(resolved) ?? full;
            }
            finally
            {
                Libc.Free(resolved);
            }
        }
    }
}
