namespace CodeEnv
{
    /// <summary>
    /// One package that differs between two sides (PowerShell type <c>CodeEnv.PackageDifference</c>), as Compare-Object
    /// reports: <c>&lt;=</c> only on the reference side, <c>=&gt;</c> only on the difference side, <c>&lt;&gt;</c> on
    /// both with another version or line.
    /// </summary>
    public sealed class PackageDifference
    {
        internal PackageDifference(string packageName, string? reference, string? difference, string referenceName, string differenceName, string root)
        {
            PackageName = packageName;
            Reference = reference;
            Difference = difference;
            SideIndicator = reference == null ? "=>" : difference == null ? "<=" : "<>";
            ReferenceName = referenceName;
            DifferenceName = differenceName;
            Root = root;
        }

        public string PackageName { get; }

        /// <summary>The version (installed sets) or requirement line (revisions) on the reference side; null when absent.</summary>
        public string? Reference { get; }

        /// <summary>The version or requirement line on the difference side; null when absent.</summary>
        public string? Difference { get; }

        public string SideIndicator { get; }

        /// <summary>What the reference side is: an env, an env's revision, or its last update.</summary>
        public string ReferenceName { get; }

        public string DifferenceName { get; }

        public string Root { get; }

        public override string ToString() => $"{PackageName} {SideIndicator} {Reference ?? "-"} / {Difference ?? "-"}";
    }
}
