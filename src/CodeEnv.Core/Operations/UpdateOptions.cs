namespace CodeEnv.Operations
{
    /// <summary>How Update-CodeEnv goes beyond installing what is missing.</summary>
    public sealed class UpdateOptions
    {
        /// <summary>Upgrade everything to the newest versions the lines allow (pip --upgrade --upgrade-strategy eager).</summary>
        public bool Upgrade { get; set; }

        /// <summary>Recreate the venv from scratch before installing.</summary>
        public bool Rebuild { get; set; }

        /// <summary>Also uninstall what no base or requested line needs any more.</summary>
        public bool Sync { get; set; }

        /// <summary>Exact versions pip must keep to (a constraints file), as Import-CodeEnv -Locked asks.</summary>
        internal System.Collections.Generic.IReadOnlyList<string> Constraints { get; set; } = new string[0];

        /// <summary>The lock a locked install reproduces: every file it names must come with the lock's sha256.</summary>
        internal System.Collections.Generic.IReadOnlyList<LockedPackage>? ExpectedArtifacts { get; set; }
    }
}
