namespace CodeEnv
{
    /// <summary>
    /// What a caller may do with one env, each level including the ones before it: Use &lt; UpdatePackages &lt;
    /// ManageUsers &lt; Own (the owner's rights, shared by manager groups) &lt; Administer (the root's administrators,
    /// who alone may do what no owner may, such as dropping a removed container config from every env).
    /// </summary>
    public enum EnvironmentRight
    {
        None,
        Use,
        UpdatePackages,
        ManageUsers,
        Own,
        Administer,
    }
}
