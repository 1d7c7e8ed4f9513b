namespace CodeEnv.Security
{
    /// <summary>
    /// What a caller must hold before the service reads, writes, probes or runs anything a request names: nothing (a
    /// question every local user may ask), a root-level role, or a right on every env the request names. The engine
    /// still checks each change field by field; this is the least any call of the operation needs.
    /// </summary>
    public enum CallerRequirement
    {
        AnyLocalUser,
        Creator,
        Administrator,
        Use,
        UpdatePackages,
        ManageUsers,
        Own,
    }
}
