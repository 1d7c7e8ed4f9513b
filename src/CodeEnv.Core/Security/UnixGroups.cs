using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using CodeEnv.Interop;

namespace CodeEnv.Security
{
    /// <summary>
    /// The groups of this process, as `id -Gn` reports them: the effective group and the supplementary groups the
    /// kernel holds for the process (getgroups), named through the group database (getgrgid, so NSS sources such
    /// as LDAP count).
    /// </summary>
    internal static class UnixGroups
    {
        public static IReadOnlyList<string> OfThisProcess()
        {
            var ids = new List<uint> { Libc.Getegid() };
            var count = Libc.Getgroups(0, null);
            if (count > 0)
            {
                var buffer = new uint[count];
                count = Libc.Getgroups(count, buffer);
                for (var i = 0; i < count; i++)
                {
                    ids.Add(buffer[i]);
                }
            }

            return NamesOf(ids);
        }

        /// <summary>The names of the groups, each once, in order, through the group database (a gid without a name stays a number).</summary>
        public static IReadOnlyList<string> NamesOf(IEnumerable<uint> ids)
        {
            var names = new List<string>();
            foreach (var id in ids)
            {
                var name = NameOf(id);
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }

            return names;
        }

        /// <summary>Whether the group database (NSS included) knows a group of that name.</summary>
        public static bool Exists(string name) => !Platform.IsWindows && Libc.Getgrnam(name) != IntPtr.Zero;

        private static string NameOf(uint gid)
        {
            // struct group starts with char *gr_name on every libc.
            var entry = Libc.Getgrgid(gid);
            var name = entry == IntPtr.Zero ? null : Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(entry));
            return string.IsNullOrEmpty(name) ? gid.ToString(System.Globalization.CultureInfo.InvariantCulture) : name!;
        }
    }
}
