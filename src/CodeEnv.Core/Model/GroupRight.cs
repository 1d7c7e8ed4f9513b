namespace CodeEnv
{
    /// <summary>What Grant-CodeEnvPermission gives a group; each includes the ones before it.</summary>
    public enum GroupRight
    {
        Use,
        UpdatePackages,
        ManageUsers,
    }
}
