namespace CodeEnv.Wheels
{
    /// <summary>A wheel file in the store: its identity is the sha256 of its bytes.</summary>
    public sealed class StoredWheel
    {
        internal StoredWheel(string sha256, string path, WheelFileName fileName)
        {
            Sha256 = sha256;
            Path = path;
            FileName = fileName.FileName;
            Name = fileName.Name;
            Version = fileName.Version;
        }

        /// <summary>The sha256 of the file, 64 lower-case hex digits: what a lock records and a locked install checks.</summary>
        public string Sha256 { get; }

        /// <summary>The file's name as it was first added (the same bytes added under another name keep the first).</summary>
        public string FileName { get; }

        /// <summary>The project's name from the file name, normalized (PEP 503).</summary>
        public string Name { get; }

        /// <summary>The version from the file name, normalized (PEP 440).</summary>
        public string Version { get; }

        /// <summary>The read-only file in the store, <c>artifacts/&lt;sha256&gt;/&lt;file name&gt;</c>.</summary>
        public string Path { get; }
    }
}
