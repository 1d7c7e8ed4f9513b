namespace CodeEnv.Security
{
    /// <summary>
    /// What a caller may do with one env, each level including the ones before it: Use &lt; UpdatePackages &lt;
    /// ManageUsers &lt; Own (the owner's rights, shared by administrators and manager groups).
    /// </summary>
    public enum EnvironmentRight
    {
        None,
        Use,
        UpdatePackages,
        ManageUsers,
        Own,
    }
}
