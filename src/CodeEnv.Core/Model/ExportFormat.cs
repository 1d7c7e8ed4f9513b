namespace CodeEnv
{
    /// <summary>What Export-CodeEnv writes.</summary>
    public enum ExportFormat
    {
        /// <summary>CodeEnv's own document: the definition and the lock, for Import-CodeEnv on another root.</summary>
        CodeEnv,

        /// <summary>A PEP 751 <c>pylock.toml</c> of what is installed, with each file's hash, for any installer that reads the standard.</summary>
        PyLock,
    }
}
