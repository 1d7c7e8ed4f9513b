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

        internal static GroupGrant Of(GroupPermission stored) =>
            new GroupGrant(stored.Group, stored.ManageUsers ? GroupRight.ManageUsers : stored.UpdatePackages ? GroupRight.UpdatePackages : GroupRight.Use);

        public override string ToString() => $"{Group}: {Permission}";
    }
}
