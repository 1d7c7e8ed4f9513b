using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// <c>installed.json</c>: the exact set a successful update left in the venv, with the lines it installed and the
    /// interpreter's marker values, so later checks decide without starting Python.
    /// </summary>
    internal sealed class InstalledLock
    {
        public int SchemaVersion { get; set; }

        public string Name { get; set; } = "";

        /// <summary>The definition revision this set was installed for.</summary>
        public int Revision { get; set; }

        public PythonSelection Python { get; set; } = new PythonSelection();

        public DateTimeOffset InstalledAt { get; set; }

        public string InstalledBy { get; set; } = "";

        /// <summary>The requirement lines pip was given: base first, then requested.</summary>
        public List<string> Requirements { get; set; } = new List<string>();

        public Dictionary<string, string> MarkerEnvironment { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<LockedPackage> Packages { get; set; } = new List<LockedPackage>();

        /// <summary>The bytes of the venv folder as the install left it (schema 2).</summary>
        public long VenvSizeBytes { get; set; }
    }

    public sealed class LockedPackage
    {
        public string Name { get; set; } = "";

        public string Version { get; set; } = "";

        public bool Requested { get; set; }

        /// <summary>The file it was installed from, with its hash (schema 3); null where nothing was fetched (a venv's
        /// own tooling, an editable or VCS install) or the install predates hashes.</summary>
        public LockedArtifact? Artifact { get; set; }

        public override string ToString() => $"{Name}=={Version}";
    }
}
