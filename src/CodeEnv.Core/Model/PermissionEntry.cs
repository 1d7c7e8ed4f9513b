namespace CodeEnv
{
    /// <summary>Who is granted what on an env (PowerShell type <c>CodeEnv.PermissionEntry</c>).</summary>
    public enum PrincipalKind
    {
        Owner,
        AllUsers,
        Group,
    }

    public sealed class PermissionEntry
    {
        public PermissionEntry(string principal, PrincipalKind kind, bool use, bool updatePackages, bool manageUsers, string name, string root)
        {
            Principal = principal;
            Kind = kind;
            Use = use;
            UpdatePackages = updatePackages;
            ManageUsers = manageUsers;
            Name = name;
            Root = root;
        }

        public string Principal { get; }

        public PrincipalKind Kind { get; }

        public bool Use { get; }

        public bool UpdatePackages { get; }

        public bool ManageUsers { get; }

        /// <summary>The env's name, so entries bind to -Name of the next cmdlet.</summary>
        public string Name { get; }

        public string Root { get; }

        public override string ToString() => $"{Kind} {Principal}";
    }
}
