namespace CodeEnv.Operations
{
    /// <summary>A root's settings. See <see cref="RootService"/>.</summary>
    public interface IRootService
    {
        /// <summary>The root folder.</summary>
        string Root { get; }

        RootSettings Settings();

        RootSettings Change(RootSettingsChange change);
    }
}
