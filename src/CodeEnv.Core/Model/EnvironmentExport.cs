using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// The portable file of Export-CodeEnv: an env's stored definition, embedded whole, and the lock of what was
    /// installed, to recreate it on another root (design to production).
    /// </summary>
    internal sealed class EnvironmentExport
    {
        public int SchemaVersion { get; set; }

        public DateTimeOffset ExportedAt { get; set; }

        public string ExportedBy { get; set; } = "";

        public string SourceRoot { get; set; } = "";

        public EnvironmentDefinition Definition { get; set; } = new EnvironmentDefinition();

        /// <summary>The source root's base packages when exported, for reference; the target root's own apply.</summary>
        public List<string> BasePackages { get; set; } = new List<string>();

        /// <summary>What was installed at the last successful update; null when it never succeeded.</summary>
        public List<LockedPackage>? Lock { get; set; }
    }
}
