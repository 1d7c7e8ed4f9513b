namespace CodeEnv
{
    /// <summary>Where a requirement of an env comes from: settings that no package command may change, or the env's own list.</summary>
    public enum PackageKind
    {
        Base,
        Requested,
    }
}
