namespace CodeEnv.Wheels
{
    /// <summary>What one install put into a venv.</summary>
    public sealed class InstalledWheel
    {
        internal InstalledWheel(string name, string version, string sha256, string distInfo, int linked, int copied, int written)
        {
            Name = name;
            Version = version;
            Sha256 = sha256;
            DistInfo = distInfo;
            Linked = linked;
            Copied = copied;
            Written = written;
        }

        /// <summary>The project's name as its METADATA spells it.</summary>
        public string Name { get; }

        public string Version { get; }

        /// <summary>The sha256 of the wheel installed.</summary>
        public string Sha256 { get; }

        /// <summary>The installed .dist-info folder, whose RECORD lists every file the install made.</summary>
        public string DistInfo { get; }

        /// <summary>Files that are hard links to the store.</summary>
        public int Linked { get; }

        /// <summary>Store files copied, because linking was impossible or not asked for.</summary>
        public int Copied { get; }

        /// <summary>Files written for this venv: scripts, RECORD, INSTALLER, REQUESTED, direct_url.json.</summary>
        public int Written { get; }
    }
}
