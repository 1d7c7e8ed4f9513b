using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// A root's settings: exactly what <c>codeenv.json</c> holds, revisioned. Cmdlets see <see cref="RootSettings"/>.
    /// </summary>
    internal sealed class RootSettingsDocument : IRevisionedDocument
    {
        public int SchemaVersion { get; set; }

        /// <summary>The root folder; not stored, filled in when the file is read.</summary>
        [Newtonsoft.Json.JsonIgnore]
        public string Root { get; set; } = "";

        /// <summary>Users and groups who may do everything.</summary>
        public List<string> Administrators { get; set; } = new List<string>();

        /// <summary>Groups whose members may create environments (administrators always may).</summary>
        public List<string> CreatorGroups { get; set; } = new List<string>();

        /// <summary>Groups whose members may manage every environment.</summary>
        public List<string> ManagerGroups { get; set; } = new List<string>();

        public PackageSources PackageSources { get; set; } = new PackageSources();

        /// <summary>Packages no env may install, each with why (Set-CodeEnvRoot -DeniedPackage).</summary>
        public List<DeniedPackage> DeniedPackages { get; set; } = new List<DeniedPackage>();

        /// <summary>Requirement lines every environment installs and no package command may change.</summary>
        public List<string> BasePackages { get; set; } = new List<string>();

        /// <summary>The licenses a distribution must declare to be installed (SPDX ids or license names); empty: no rule. See Licenses.AllowedLicenses.</summary>
        public List<string> AllowedLicenses { get; set; } = new List<string>();

        public Dictionary<string, List<string>> PackageSets { get; set; } = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Container images envs can be built into (Export-CodeEnvContainerFile).</summary>
        public List<ContainerConfig> ContainerConfigs { get; set; } = new List<ContainerConfig>();

        /// <summary>The container config of that name in any letter case, or null.</summary>
        public ContainerConfig? FindContainerConfig(string name) =>
            ContainerConfigs.Find(c => string.Equals(c.ConfigName, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>Where Jupyter kernel specs of envs with Jupyter support are written; null: &lt;root&gt;/jupyter/kernels.</summary>
        public string? KernelsFolder { get; set; }

        /// <summary>How many earlier venvs each env keeps beside the current one, so Restore-CodeEnv to their revisions is a switch.</summary>
        public int KeptVenvs { get; set; } = DefaultKeptVenvs;

        public const int DefaultKeptVenvs = 2;

        /// <summary>
        /// After how many days without a use Get-CodeEnvUnused reports an env (Set-CodeEnvRoot -UnusedAfterDays); null:
        /// <see cref="DefaultUnusedAfterDays"/>. Absent unless set, so a root that never set it reads as before.
        /// </summary>
        public int? UnusedAfterDays { get; set; }

        public const int DefaultUnusedAfterDays = 90;

        /// <summary>How installs put stored files into venvs: hard links to the store's read-only files, or copies (Set-CodeEnvRoot -LinkMode).</summary>
        public LinkMode LinkMode { get; set; } = LinkMode.Link;

        /// <summary>Where audits ask OSV's query API (Set-CodeEnvRoot -AdvisoryApiUrl); null: https://api.osv.dev.</summary>
        public string? AdvisoryApiUrl { get; set; }

        /// <summary>OSV's own query API.</summary>
        public const string DefaultAdvisoryApiUrl = "https://api.osv.dev";

        /// <summary>Interpreters an administrator registered in addition to the discovered ones.</summary>
        public List<string> Interpreters { get; set; } = new List<string>();

        /// <summary>How long a second writer waits for an env's lock before it reports the env busy.</summary>
        public double LockTimeoutSeconds { get; set; } = DefaultLockTimeoutSeconds;

        /// <summary>Long enough for scheduled jobs to wait for one another (an update that runs pip included), as cargo and apt wait.</summary>
        public const double DefaultLockTimeoutSeconds = 300;

        /// <summary>Set on a served root (Initialize-CodeEnvRoot -ServiceAccount); null on a direct one.</summary>
        public ServiceSettings? Service { get; set; }

        public int Revision { get; set; } = 1;

        public string CreatedBy { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }

        public string UpdatedBy { get; set; } = "";

        public DateTimeOffset UpdatedAt { get; set; }
    }
}
