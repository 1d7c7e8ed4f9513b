namespace CodeEnv
{
    /// <summary>A package of an env to raise to at least a version (the first fixed version of the advisories that affect it): what Repair-CodeEnvVulnerability asks of an env.</summary>
    public sealed class PackageRaise
    {
        public string PackageName { get; set; } = "";

        public string MinimumVersion { get; set; } = "";

        /// <summary>The advisories the raise fixes, for the messages.</summary>
        public System.Collections.Generic.List<string> AdvisoryIds { get; set; } = new System.Collections.Generic.List<string>();

        public override string ToString() => $"{PackageName}>={MinimumVersion}";
    }
}
