namespace CodeEnv.Operations
{
    /// <summary>A venv generation that was built and checked, not yet switched to.</summary>
    internal sealed class BuiltVenv
    {
        public BuiltVenv(int generation, string folder, InstalledLock installed)
        {
            Generation = generation;
            Folder = folder;
            Installed = installed;
        }

        public int Generation { get; }

        public string Folder { get; }

        public InstalledLock Installed { get; }
    }
}
