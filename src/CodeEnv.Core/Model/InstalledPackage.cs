namespace CodeEnv
{
    /// <summary>A distribution installed in an env's venv (PowerShell type <c>CodeEnv.InstalledPackage</c>).</summary>
    public sealed class InstalledPackage
    {
        public InstalledPackage(string name, string version, bool requested, string installer, string location, string environmentName, string root)
        {
            Name = name;
            Version = version;
            Requested = requested;
            Installer = installer;
            Location = location;
            EnvironmentName = environmentName;
            Root = root;
        }

        /// <summary>The distribution name as its metadata spells it.</summary>
        public string Name { get; }

        public string Version { get; }

        /// <summary>Installed because it was asked for (pip's REQUESTED marker), not only as a dependency.</summary>
        public bool Requested { get; }

        /// <summary>The tool that installed it (INSTALLER), such as pip; empty when unknown.</summary>
        public string Installer { get; }

        /// <summary>The site-packages folder it is installed in.</summary>
        public string Location { get; }

        public string EnvironmentName { get; }

        public string Root { get; }

        public override string ToString() => $"{Name}=={Version}";
    }
}
