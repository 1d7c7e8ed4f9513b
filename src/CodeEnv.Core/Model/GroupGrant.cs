namespace CodeEnv
{
    /// <summary>One group's highest right on an env (PowerShell type <c>CodeEnv.GroupGrant</c>); it implies the ones below it.</summary>
    public sealed class GroupGrant
    {
        public GroupGrant(string group, GroupRight permission)
        {
            Group = group;
            Permission = permission;
        }

        public string Group { get; }

        public GroupRight Permission { get; }

        /// <summary>The grant a stored entry that gives a right makes (see <see cref="GivesRight"/>).</summary>
        internal static GroupGrant Of(GroupPermission stored) => new GroupGrant(stored.Group, GroupPermission.GroupRightOf(stored.Right()));

        /// <summary>Whether a stored entry grants anything: one with no flag set (only a hand-edited file holds one) gives no right.</summary>
        internal static bool GivesRight(GroupPermission stored) => stored.Right() != EnvironmentRight.None;

        public override string ToString() => $"{Group}: {Permission}";
    }
}
