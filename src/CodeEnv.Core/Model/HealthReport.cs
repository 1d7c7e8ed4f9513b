using System;

namespace CodeEnv
{
    /// <summary>Overall result of Test-CodeEnv, worst first.</summary>
    public enum HealthStatus
    {
        /// <summary>The interpreter or the venv is missing or damaged: nothing runs.</summary>
        Broken,

        /// <summary>A requirement is not met or a dependency is broken.</summary>
        Unhealthy,

        /// <summary>Everything requested is met, but the venv holds more than asked or differs from its last update.</summary>
        Drifted,

        Healthy,

        /// <summary>Archived (Disable-CodeEnv): its venv may be deleted on purpose; Enable-CodeEnv brings it back. Not a problem.</summary>
        Archived,
    }

    /// <summary>An env's health and drift (PowerShell type <c>CodeEnv.HealthReport</c>).</summary>
    public sealed class HealthReport
    {
        public string Name { get; set; } = "";

        public string Root { get; set; } = "";

        public HealthStatus Status { get; set; }

        public EnvironmentState State { get; set; }

        public bool InterpreterPresent { get; set; }

        public bool VenvIntact { get; set; }

        public ItemList<RequirementStatus> Requirements { get; set; } = new ItemList<RequirementStatus>(Array.Empty<RequirementStatus>());

        /// <summary>Installed distributions no base or requested line needs (venv tooling aside).</summary>
        public ItemList<string> Extraneous { get; set; } = new ItemList<string>(Array.Empty<string>());

        /// <summary>What pip check would report, in its words.</summary>
        public ItemList<string> BrokenDependencies { get; set; } = new ItemList<string>(Array.Empty<string>());

        /// <summary>Differences from installed.json, the set the last successful update left.</summary>
        public ItemList<string> Drift { get; set; } = new ItemList<string>(Array.Empty<string>());

        /// <summary>With -VerifyFiles: venv files that differ from the store or their RECORD, changed store files, unverifiable distributions.</summary>
        public ItemList<FileFinding> FileFindings { get; set; } = new ItemList<FileFinding>(Array.Empty<FileFinding>());

        /// <summary>
        /// The env's images (Update-CodeEnvImage) that no longer reproduce it, each with why; they leave the env's health
        /// as it is, since the venv is not what changed, and Test-CodeEnv says them as warnings.
        /// </summary>
        public ItemList<string> OutdatedImages { get; set; } = new ItemList<string>(Array.Empty<string>());

        /// <summary>Every finding in words, most serious first; empty when healthy.</summary>
        public ItemList<string> Problems { get; set; } = new ItemList<string>(Array.Empty<string>());

        public override string ToString() => $"{Name}: {Status}";
    }
}
