namespace CodeEnv.Advisories
{
    /// <summary>The events of an OSV range (osv-schema "affected[].ranges[].events[]"): each names one version and what it starts or ends.</summary>
    public enum OsvEventKind
    {
        /// <summary>From this version on the package is affected; "0" means from the first version.</summary>
        Introduced,

        /// <summary>From this version on it is not: the fix.</summary>
        Fixed,

        /// <summary>The last affected version; later ones are not (no fix is named).</summary>
        LastAffected,

        /// <summary>An upper bound of the whole range (rare outside git ranges).</summary>
        Limit,
    }
}
