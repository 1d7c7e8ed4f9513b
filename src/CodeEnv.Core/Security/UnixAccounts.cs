using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using CodeEnv.Interop;

namespace CodeEnv.Security
{
    /// <summary>
    /// An OS user by uid, with the groups the OS group database gives that user (getgrouplist: the primary group and
    /// every supplementary one, through NSS, so LDAP and sssd count), as `id -Gn &lt;user&gt;` reports them.
    /// </summary>
    internal static class UnixAccounts
    {
        // struct passwd: char *pw_name; char *pw_passwd; uid_t pw_uid; gid_t pw_gid; ... on every libc CodeEnv runs on.
        private static readonly int UidOffset = 2 * IntPtr.Size;
        private static readonly int GidOffset = UidOffset + sizeof(uint);

        public static CallerIdentity IdentityOf(uint uid)
        {
            var entry = Libc.Getpwuid(uid);
            if (entry == IntPtr.Zero)
            {
                throw new InvalidOperationException($"The OS user with uid {uid} is not in the user database; the connection is refused.");
            }

            var name = Marshal.PtrToStringAnsi(Marshal.ReadIntPtr(entry))!;
            var primaryGroup = (uint)Marshal.ReadInt32(entry, GidOffset);
            return new CallerIdentity(name, GroupsOf(name, primaryGroup));
        }

        /// <summary>The uid and primary gid of the user named <paramref name="name"/>, or null when the user database has no such user.</summary>
        public static (uint Uid, uint Gid)? IdsOf(string name)
        {
            var entry = Libc.Getpwnam(name);
            return entry == IntPtr.Zero ? null : ((uint)Marshal.ReadInt32(entry, UidOffset), (uint)Marshal.ReadInt32(entry, GidOffset));
        }

        /// <summary>The user this process acts as.</summary>
        public static CallerIdentity EffectiveUser() => IdentityOf(Libc.Geteuid());

        public static uint EffectiveUserId() => Libc.Geteuid();

        private static IReadOnlyList<string> GroupsOf(string user, uint primaryGroup)
        {
            var count = 64;
            while (true)
            {
                var ids = new uint[count];
                var found = count;
                if (Libc.Getgrouplist(user, primaryGroup, ids, ref found) >= 0)
                {
                    return UnixGroups.NamesOf(ids.Take(found));
                }

                // Too small: getgrouplist says how many there are.
                count = Math.Max(found, count * 2);
            }
        }
    }
}
