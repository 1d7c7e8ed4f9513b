namespace CodeEnv
{
    /// <summary>What members of one OS group may do with an environment.</summary>
    public sealed class GroupPermission
    {
        public string Group { get; set; } = "";

        public bool Use { get; set; }

        public bool UpdatePackages { get; set; }

        public bool ManageUsers { get; set; }
    }
}
