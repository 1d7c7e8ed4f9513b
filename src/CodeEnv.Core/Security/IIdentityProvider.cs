namespace CodeEnv.Security
{
    /// <summary>
    /// Says who the caller is. Cmdlets always use <see cref="OsIdentityProvider"/>; engine tests pass others to act
    /// as other users.
    /// </summary>
    public interface IIdentityProvider
    {
        CallerIdentity Current();
    }
}
