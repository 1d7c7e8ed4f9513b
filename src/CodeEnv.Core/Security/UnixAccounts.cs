using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;

namespace CodeEnv.Security
{
    /// <summary>
    /// An OS user by uid, with the groups the OS group database gives that user (getgrouplist: the primary group and
    /// every supplementary one, through NSS, so LDAP and sssd count), as `id -Gn &lt;user&gt;` reports them.
    /// </summary>
    internal static class UnixAccounts
    {
        public static CallerIdentity IdentityOf(uint uid)
        {
            var entry = getpwuid(uid);
            if (entry == IntPtr.Zero)
            {
                throw new InvalidOperationException($"The OS user with uid {uid} is not in the user database; the connection is refused.");
            }

            // struct passwd: char *pw_name; char *pw_passwd; uid_t pw_uid; gid_t pw_gid; ... on every libc CodeEnv runs on.
            var name = Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(entry))!;
            var primaryGroup = (uint)Marshal.ReadInt32(entry, (2 * IntPtr.Size) + sizeof(uint));
            return new CallerIdentity(name, GroupsOf(name, primaryGroup));
        }

        private static IReadOnlyList<string> GroupsOf(string user, uint primaryGroup)
        {
            var count = 64;
            while (true)
            {
                var ids = new uint[count];
                var found = count;
                if (getgrouplist(user, primaryGroup, ids, ref found) >= 0)
                {
                    return UnixGroups.NamesOf(ids.Take(found));
                }

                // Too small: getgrouplist says how many there are.
                count = Math.Max(found, count * 2);
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr getpwuid(uint uid);

        [DllImport("libc", SetLastError = true)]
        private static extern int getgrouplist(string user, uint group, uint[] groups, ref int count);
    }
}
