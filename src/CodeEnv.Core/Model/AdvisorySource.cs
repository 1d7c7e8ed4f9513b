namespace CodeEnv
{
    /// <summary>Where an audit reads advisories: the root's offline database (Import-CodeEnvAdvisoryDatabase), or OSV's query API.</summary>
    public enum AdvisorySource
    {
        Offline,
        Online,
    }
}
