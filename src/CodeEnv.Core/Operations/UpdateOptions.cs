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
    }
}
