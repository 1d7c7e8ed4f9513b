namespace CodeEnv
{
    /// <summary>
    /// The file a locked distribution was installed from: its name, where it came from (credentials taken out), and its
    /// sha256, which a locked install checks before it installs anything.
    /// </summary>
    public sealed class LockedArtifact
    {
        /// <summary>The wheel or sdist file name, as the source served it.</summary>
        public string FileName { get; set; } = "";

        /// <summary>Where it was fetched: an index or find-links URL, or a file URL of a local folder; without credentials.</summary>
        public string Url { get; set; } = "";

        /// <summary>The file's sha256, lowercase hex.</summary>
        public string Sha256 { get; set; } = "";
    }
}
