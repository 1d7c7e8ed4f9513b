namespace CodeEnv
{
    /// <summary>
    /// One requirement line of an env (PowerShell type <c>CodeEnv.PackageRequirement</c>). <see cref="Name"/> is the
    /// package; the env is <see cref="EnvironmentName"/>, which the package cmdlets bind by property name.
    /// </summary>
    public sealed class PackageRequirement
    {
        public const string RootSource = "Root";
        public const string JupyterSource = "JupyterSupport";
        public const string UserSource = "User";
        public const string SetSourcePrefix = "Set:";

        public PackageRequirement(string name, string specifier, string line, PackageKind kind, string source, string environmentName, string root)
        {
            Name = name;
            Specifier = specifier;
            Line = line;
            Kind = kind;
            Source = source;
            EnvironmentName = environmentName;
            Root = root;
        }

        /// <summary>The package name as written; empty for an option line such as --pre.</summary>
        public string Name { get; }

        /// <summary>The version specifier (">=1.2,<2"), a direct reference URL, or empty for any version.</summary>
        public string Specifier { get; }

        /// <summary>The requirements.txt line as stored.</summary>
        public string Line { get; }

        public PackageKind Kind { get; }

        /// <summary>Root (the root's base packages), JupyterSupport, Set:&lt;set name&gt;, or User.</summary>
        public string Source { get; }

        public string EnvironmentName { get; }

        public string Root { get; }

        public override string ToString() => Line;
    }
}
