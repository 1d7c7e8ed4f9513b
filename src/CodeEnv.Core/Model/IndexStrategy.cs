namespace CodeEnv
{
    /// <summary>Which index a package comes from when several list it (Set-CodeEnvRoot -IndexStrategy).</summary>
    public enum IndexStrategy
    {
        /// <summary>
        /// pip's own behaviour: every index's files compete and the best version wins, wherever it is listed. An extra
        /// public index that lists an internal name with a higher version outbids the internal one (dependency confusion).
        /// </summary>
        BestVersion,

        /// <summary>
        /// uv's default: a name is taken only from the first index, in the order configured (the index, then the extra
        /// indexes), that lists it at all; a later index can never outbid it. Find-links folders and the wheelhouse are
        /// the administrator's own files and stay candidates beside it.
        /// </summary>
        FirstIndex,
    }
}
