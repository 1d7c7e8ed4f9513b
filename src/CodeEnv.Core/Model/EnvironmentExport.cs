using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// The portable document of Export-CodeEnv: an env's definition and the lock of what was installed, to recreate
    /// it on another root (design to production).
    /// </summary>
    public sealed class EnvironmentExport
    {
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;

        public DateTimeOffset ExportedAt { get; set; }

        public string ExportedBy { get; set; } = "";

        public string SourceRoot { get; set; } = "";

        public string Name { get; set; } = "";

        public PythonSelection Python { get; set; } = new PythonSelection();

        public string Description { get; set; } = "";

        public string Owner { get; set; } = "";

        public bool UsableByAll { get; set; } = true;

        public List<GroupPermission> GroupPermissions { get; set; } = new List<GroupPermission>();

        public List<string> RequestedPackages { get; set; } = new List<string>();

        public List<string> PackageSets { get; set; } = new List<string>();

        public bool JupyterSupport { get; set; }

        public ContainerSelection Containers { get; set; } = new ContainerSelection();

        /// <summary>The source root's base packages when exported, for reference; the target root's own apply.</summary>
        public List<string> BasePackages { get; set; } = new List<string>();

        /// <summary>What was installed at the last successful update; null when it never succeeded.</summary>
        public List<LockedPackage>? Lock { get; set; }
    }
}
