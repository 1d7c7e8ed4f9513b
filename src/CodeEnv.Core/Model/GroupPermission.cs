using System;
using CodeEnv.Security;

namespace CodeEnv
{
    /// <summary>
    /// What members of one OS group may do with an environment, stored as three flags. The level they make is read
    /// and written here alone (<see cref="Right"/>, <see cref="SetRight"/>), so the access policy, the OS folder ACL,
    /// the listing and the grant and revoke cmdlets cannot read one entry differently.
    /// </summary>
    public sealed class GroupPermission
    {
        public string Group { get; set; } = "";

        public bool Use { get; set; }

        public bool UpdatePackages { get; set; }

        public bool ManageUsers { get; set; }

        /// <summary>The right this entry gives: its highest flag, which implies the ones below it; None when no flag is set.</summary>
        internal EnvironmentRight Right() =>
            ManageUsers ? EnvironmentRight.ManageUsers
            : UpdatePackages ? EnvironmentRight.UpdatePackages
            : Use ? EnvironmentRight.Use
            : EnvironmentRight.None;

        /// <summary>Stores <paramref name="right"/> (a group right or None) as the flags, each flag below it set too.</summary>
        internal void SetRight(EnvironmentRight right)
        {
            if (right > EnvironmentRight.ManageUsers)
            {
                throw new ArgumentOutOfRangeException(nameof(right), right, "A group entry gives at most ManageUsers.");
            }

            Use = right >= EnvironmentRight.Use;
            UpdatePackages = right >= EnvironmentRight.UpdatePackages;
            ManageUsers = right >= EnvironmentRight.ManageUsers;
        }

        /// <summary>The env right a group right names.</summary>
        internal static EnvironmentRight RightOf(GroupRight right) => right switch
        {
            GroupRight.Use => EnvironmentRight.Use,
            GroupRight.UpdatePackages => EnvironmentRight.UpdatePackages,
            GroupRight.ManageUsers => EnvironmentRight.ManageUsers,
            _ => throw new ArgumentOutOfRangeException(nameof(right), right, null),
        };

        /// <summary>The group right that names an env right a group entry can give (Use to ManageUsers).</summary>
        internal static GroupRight GroupRightOf(EnvironmentRight right) => right switch
        {
            EnvironmentRight.Use => GroupRight.Use,
            EnvironmentRight.UpdatePackages => GroupRight.UpdatePackages,
            EnvironmentRight.ManageUsers => GroupRight.ManageUsers,
            _ => throw new ArgumentOutOfRangeException(nameof(right), right, "No group right names it."),
        };
    }
}
