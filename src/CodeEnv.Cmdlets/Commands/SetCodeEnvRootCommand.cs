using System.Management.Automation;
using CodeEnv.Cmdlets.Infrastructure;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Commands
{
    /// <summary>Set-CodeEnvRoot: an administrator sets the root's package sources and base packages.</summary>
    [Cmdlet(VerbsCommon.Set, "CodeEnvRoot", SupportsShouldProcess = true)]
    [OutputType(typeof(RootSettings))]
    public sealed class SetCodeEnvRootCommand : RootCmdlet
    {
        /// <summary>pip's --index-url; an empty string goes back to pip's default.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? IndexUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ExtraIndexUrls")]
        [AllowEmptyCollection]
        public string[]? ExtraIndexUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        public string[]? FindLinks { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TrustedHosts")]
        [AllowEmptyCollection]
        public string[]? TrustedHost { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public SwitchParameter NoIndex { get; set; }

        /// <summary>FirstIndex (a name comes from the first index that lists it) or BestVersion (pip's: the highest version of any index).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public IndexStrategy IndexStrategy { get; set; }

        /// <summary>Names pinned to one index, in order: @{ Pattern = 'acme-*'; Index = 'https://pypi.internal/simple' }; @() removes them.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("IndexRules")]
        [AllowEmptyCollection]
        public CodeEnv.IndexRule[]? IndexRule { get; set; }

        /// <summary>Packages no env may install: 'evil-*', 'requests==2.0 # why', or @{ Package = ...; Reason = ... }; @() empties the list.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("DeniedPackages")]
        [AllowEmptyCollection]
        public CodeEnv.DeniedPackage[]? DeniedPackage { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("BasePackages")]
        [AllowEmptyCollection]
        public string[]? BasePackage { get; set; }

        /// <summary>The licenses a distribution must declare to be installed: SPDX ids or license names; an empty array lifts the rule.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AllowedLicenses")]
        [AllowEmptyCollection]
        public string[]? AllowedLicense { get; set; }

        /// <summary>How long a second writer waits for an env's lock before reporting it busy.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double LockTimeoutSeconds { get; set; }

        /// <summary>How many earlier venvs each env keeps for rollback.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int KeptVenvs { get; set; }

        /// <summary>After how many days without a use Get-CodeEnvUnused reports an env (1 to 36500; 90 until set).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int UnusedAfterDays { get; set; }

        /// <summary>Link (hard links to the package store) or Copy (each venv its own copies); later installs follow it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public LinkMode LinkMode { get; set; }

        /// <summary>Where Get-CodeEnvVulnerability -Source Online asks OSV's query API; '' for https://api.osv.dev.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? AdvisoryApiUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Administrators")]
        [ValidateNotNull]
        public string[]? Administrator { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CreatorGroups")]
        [AllowEmptyCollection]
        public string[]? CreatorGroup { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("ManagerGroups")]
        [AllowEmptyCollection]
        public string[]? ManagerGroup { get; set; }

        /// <summary>Where kernel specs go; an empty string goes back to &lt;root&gt;/jupyter/kernels.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? KernelsFolder { get; set; }

        /// <summary>The largest message the service of a served root reads, in MiB (the service reads its limits when it starts).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ServiceMaxMessageMiB { get; set; }

        /// <summary>The largest archive Publish-CodeEnvPackage accepts on a served root, in MiB.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ServiceMaxPublishMiB { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ServiceMaxConnectionsPerUser { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ServiceMaxConnections { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ServiceMaxOperationsPerUser { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ServiceMessageTimeoutSeconds { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public int? ServiceIdleTimeoutSeconds { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            Terminating(Root, () =>
            {
                Engine();
                var change = new RootSettingsChange
                {
                    IndexUrl = IndexUrl,
                    ExtraIndexUrls = ExtraIndexUrl,
                    FindLinks = FindLinks == null ? null : System.Array.ConvertAll(FindLinks, ResolveLink),
                    TrustedHosts = TrustedHost,
                    NoIndex = MyInvocation.BoundParameters.ContainsKey(nameof(NoIndex)) ? NoIndex.IsPresent : (bool?)null,
                    IndexStrategy = MyInvocation.BoundParameters.ContainsKey(nameof(IndexStrategy)) ? IndexStrategy : (IndexStrategy?)null,
                    IndexRules = IndexRule,
                    DeniedPackages = DeniedPackage,
                    BasePackages = BasePackage,
                    AllowedLicenses = AllowedLicense,
                    Administrators = Administrator,
                    LockTimeoutSeconds = MyInvocation.BoundParameters.ContainsKey(nameof(LockTimeoutSeconds)) ? LockTimeoutSeconds : (double?)null,
                    KeptVenvs = MyInvocation.BoundParameters.ContainsKey(nameof(KeptVenvs)) ? KeptVenvs : (int?)null,
                    UnusedAfterDays = MyInvocation.BoundParameters.ContainsKey(nameof(UnusedAfterDays)) ? UnusedAfterDays : (int?)null,
                    LinkMode = MyInvocation.BoundParameters.ContainsKey(nameof(LinkMode)) ? LinkMode : (LinkMode?)null,
                    AdvisoryApiUrl = AdvisoryApiUrl,
                    CreatorGroups = CreatorGroup,
                    ManagerGroups = ManagerGroup,
                    KernelsFolder = string.IsNullOrEmpty(KernelsFolder) ? KernelsFolder : GetUnresolvedProviderPathFromPSPath(KernelsFolder),
                    // A served root's limits; null (not given, or piped from a direct root's settings) leaves them as they are.
                    ServiceMaxMessageMiB = ServiceMaxMessageMiB,
                    ServiceMaxPublishMiB = ServiceMaxPublishMiB,
                    ServiceMaxConnectionsPerUser = ServiceMaxConnectionsPerUser,
                    ServiceMaxConnections = ServiceMaxConnections,
                    ServiceMaxOperationsPerUser = ServiceMaxOperationsPerUser,
                    ServiceMessageTimeoutSeconds = ServiceMessageTimeoutSeconds,
                    ServiceIdleTimeoutSeconds = ServiceIdleTimeoutSeconds,
                };
                if (!ShouldProcess(EngineRoot, "Set CodeEnv root settings"))
                {
                    return;
                }

                var settings = Call((engine, _, token) => engine.Root.ChangeAsync(change, token));
                if (PassThru)
                {
                    WriteObject(settings);
                }
            });
        }

        // A find-links folder is resolved like any PowerShell path; URLs pass through.
        private string ResolveLink(string link) => link.Contains("://") ? link : GetUnresolvedProviderPathFromPSPath(link);
    }
}
