using System.Collections.Generic;

namespace CodeEnv.Operations
{
    /// <summary>What Set-CodeEnvRoot changes; a null member is left as it is.</summary>
    public sealed class RootSettingsChange
    {
        /// <summary>pip's --index-url; an empty string goes back to pip's default index.</summary>
        public string? IndexUrl { get; set; }

        public IReadOnlyList<string>? ExtraIndexUrls { get; set; }

        public IReadOnlyList<string>? FindLinks { get; set; }

        public IReadOnlyList<string>? TrustedHosts { get; set; }

        public bool? NoIndex { get; set; }

        /// <summary>Which index a name comes from when several list it (see <see cref="SourceRulesChange"/>).</summary>
        public IndexStrategy? IndexStrategy { get; set; }

        /// <summary>The whole list of index rules, in order; an empty list removes them all.</summary>
        public IReadOnlyList<IndexRule>? IndexRules { get; set; }

        /// <summary>The whole deny list; an empty list removes it.</summary>
        public IReadOnlyList<DeniedPackage>? DeniedPackages { get; set; }

        public double? LockTimeoutSeconds { get; set; }

        /// <summary>How many earlier venvs each env keeps for rollback: 0 to 100.</summary>
        public int? KeptVenvs { get; set; }

        /// <summary>After how many days without a use Get-CodeEnvUnused reports an env: 1 to 36500.</summary>
        public int? UnusedAfterDays { get; set; }

        /// <summary>Link or Copy: how later installs put stored files into venvs; venvs built before keep what they hold.</summary>
        public LinkMode? LinkMode { get; set; }

        /// <summary>Where audits ask OSV's query API: an http(s) URL, or an empty string for https://api.osv.dev.</summary>
        public string? AdvisoryApiUrl { get; set; }

        public IReadOnlyList<string>? BasePackages { get; set; }

        /// <summary>The licenses a distribution must declare to be installed; an empty list lifts the rule.</summary>
        public IReadOnlyList<string>? AllowedLicenses { get; set; }

        /// <summary>Users and groups who may do everything; never empty.</summary>
        public IReadOnlyList<string>? Administrators { get; set; }

        public IReadOnlyList<string>? CreatorGroups { get; set; }

        public IReadOnlyList<string>? ManagerGroups { get; set; }

        /// <summary>Where kernel specs go: an absolute folder, or an empty string for &lt;root&gt;/jupyter/kernels.</summary>
        public string? KernelsFolder { get; set; }

        /// <summary>The largest message the service of a served root reads, in MiB (see <see cref="ServiceLimitsChange"/> for all service limits).</summary>
        public int? ServiceMaxMessageMiB { get; set; }

        public int? ServiceMaxPublishMiB { get; set; }

        public int? ServiceMaxConnectionsPerUser { get; set; }

        public int? ServiceMaxConnections { get; set; }

        public int? ServiceMaxOperationsPerUser { get; set; }

        public int? ServiceMessageTimeoutSeconds { get; set; }

        public int? ServiceIdleTimeoutSeconds { get; set; }
    }
}
