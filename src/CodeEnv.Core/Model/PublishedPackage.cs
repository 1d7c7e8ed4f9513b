namespace CodeEnv
{
    /// <summary>An archive in a root's wheelhouse (PowerShell type <c>CodeEnv.PublishedPackage</c>).</summary>
    public sealed class PublishedPackage
    {
        public PublishedPackage(string packageName, string version, string path, string root)
        {
            PackageName = packageName;
            Version = version;
            Path = path;
            Root = root;
        }

        /// <summary>The distribution name the file name gives; a requirement line 'name==version' installs it.</summary>
        public string PackageName { get; }

        public string Version { get; }

        public string Path { get; }

        public string Root { get; }

        public override string ToString() => $"{PackageName}=={Version}";
    }
}
