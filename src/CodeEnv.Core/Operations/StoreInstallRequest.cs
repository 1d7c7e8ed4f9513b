using System.Collections.Generic;

namespace CodeEnv.Operations
{
    /// <summary>What <see cref="StoreInstall"/> installs, into which new venv, and what it knows of the env already.</summary>
    internal sealed class StoreInstallRequest
    {
        /// <summary>The operation whose progress the install reports (Update-CodeEnv, New-CodeEnv).</summary>
        public string Activity { get; set; } = "";

        /// <summary>The env being built, for what refuses its set (the root's allow list of licenses).</summary>
        public string Name { get; set; } = "";

        /// <summary>The new venv generation, laid out and holding nothing of the env's yet.</summary>
        public string Venv { get; set; } = "";

        /// <summary>The base and requested lines.</summary>
        public IReadOnlyList<string> Lines { get; set; } = new string[0];

        /// <summary>Constraint lines (name==version pins of a locked install).</summary>
        public IReadOnlyList<string> Constraints { get; set; } = new string[0];

        public PackageSources Sources { get; set; } = new PackageSources();

        /// <summary>The root's deny list, checked on the chosen set before anything is fetched, linked or installed.</summary>
        public IReadOnlyList<DeniedPackage> DeniedPackages { get; set; } = new DeniedPackage[0];

        /// <summary>The interpreter's marker values.</summary>
        public IReadOnlyDictionary<string, string> Markers { get; set; } = new Dictionary<string, string>();

        /// <summary>What the env serves now, with the files its lock records; null when nothing is to be kept (a new env, -Upgrade, -Rebuild).</summary>
        public IReadOnlyList<CurrentPackage>? Current { get; set; }

        /// <summary>The pip of the new venv, run as the caller runs it (sandboxed on a served root): where the resolver hands over,
        /// it chooses the set the store installs. Null: pip installs whatever the resolver hands over.</summary>
        public Python.VenvBuilder? Pip { get; set; }

        /// <summary>The lock a locked install reproduces, whose files must have its hashes; null otherwise.</summary>
        public IReadOnlyList<LockedPackage>? Expected { get; set; }
    }
}
