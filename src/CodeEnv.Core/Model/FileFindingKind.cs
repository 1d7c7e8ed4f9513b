namespace CodeEnv
{
    /// <summary>What Test-CodeEnv -VerifyFiles found wrong with one file, or that it could not check a distribution.</summary>
    public enum FileFindingKind
    {
        /// <summary>A venv file's content is not what the store (or, for a file pip installed, its RECORD) says.</summary>
        Changed,

        /// <summary>A file the distribution's RECORD lists is not in the venv.</summary>
        Missing,

        /// <summary>A file in a distribution's folder that no RECORD lists (compiled modules aside).</summary>
        Extra,

        /// <summary>A file of the package store's tree no longer matches its RECORD: every env linking it runs the changed file.</summary>
        StoreChanged,

        /// <summary>A distribution with no stored tree and no RECORD digests: nothing to compare its files with.</summary>
        Unverifiable,
    }
}
