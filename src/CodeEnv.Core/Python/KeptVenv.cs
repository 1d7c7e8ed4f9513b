namespace CodeEnv.Python
{
    /// <summary>One complete venv generation of an env: its folder and what it was built from.</summary>
    internal sealed class KeptVenv
    {
        public KeptVenv(int generation, string folder, InstalledLock installed, bool isCurrent)
        {
            Generation = generation;
            Folder = folder;
            Installed = installed;
            IsCurrent = isCurrent;
        }

        public int Generation { get; }

        public string Folder { get; }

        /// <summary>The installed set the generation was built with, and the definition revision it was built for.</summary>
        public InstalledLock Installed { get; }

        /// <summary>Whether the stable path leads to it.</summary>
        public bool IsCurrent { get; }
    }
}
