using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv
{
    /// <summary>
    /// A root's settings as cmdlets emit them (PowerShell type <c>CodeEnv.RootSettings</c>): a read-only snapshot whose
    /// property names bind to Set-CodeEnvRoot's parameters, so <c>Get-CodeEnvRoot | Set-CodeEnvRoot</c> changes nothing.
    /// Package source URLs are shown with any credentials redacted.
    /// </summary>
    public sealed class RootSettings
    {
        /// <param name="shownSources">The root's package sources as they may be shown: with credentials redacted.</param>
        internal RootSettings(RootSettingsDocument settings, PackageSources shownSources)
        {
            var sources = shownSources;
            Root = settings.Root;
            Administrators = new ItemList<string>(settings.Administrators);
            CreatorGroups = new ItemList<string>(settings.CreatorGroups);
            ManagerGroups = new ItemList<string>(settings.ManagerGroups);
            IndexUrl = sources.IndexUrl;
            ExtraIndexUrls = new ItemList<string>(sources.ExtraIndexUrls);
            FindLinks = new ItemList<string>(sources.FindLinks);
            TrustedHosts = new ItemList<string>(sources.TrustedHosts);
            NoIndex = sources.NoIndex;
            IndexStrategy = sources.IndexStrategy;
            IndexRules = new ItemList<IndexRule>(sources.IndexRules.Select(r => new IndexRule { Pattern = r.Pattern, Index = r.Index }));
            DeniedPackages = new ItemList<DeniedPackage>(settings.DeniedPackages.Select(d => new DeniedPackage { Package = d.Package, Reason = d.Reason }));
            BasePackages = new ItemList<string>(settings.BasePackages);
            AllowedLicenses = new ItemList<string>(settings.AllowedLicenses);
            PackageSets = NamedLists.Of(settings.PackageSets);
            ContainerConfigs = new ItemList<string>(settings.ContainerConfigs.Select(c => c.ConfigName));
            Interpreters = new ItemList<string>(settings.Interpreters);
            KernelsFolder = settings.KernelsFolder ?? System.IO.Path.Combine(settings.Root, "jupyter", "kernels");
            LockTimeoutSeconds = settings.LockTimeoutSeconds;
            KeptVenvs = settings.KeptVenvs;
            UnusedAfterDays = settings.UnusedAfterDays ?? RootSettingsDocument.DefaultUnusedAfterDays;
            LinkMode = settings.LinkMode;
            AdvisoryApiUrl = string.IsNullOrEmpty(settings.AdvisoryApiUrl) ? RootSettingsDocument.DefaultAdvisoryApiUrl : settings.AdvisoryApiUrl!;
            ServiceAccount = settings.Service?.Account;
            var limits = settings.Service?.EffectiveLimits;
            ServiceMaxMessageMiB = limits?.EffectiveMaxMessageMiB;
            ServiceMaxPublishMiB = limits?.EffectiveMaxPublishMiB;
            ServiceMaxConnectionsPerUser = limits?.EffectiveMaxConnectionsPerUser;
            ServiceMaxConnections = limits?.EffectiveMaxConnections;
            ServiceMaxOperationsPerUser = limits?.EffectiveMaxOperationsPerUser;
            ServiceMessageTimeoutSeconds = limits?.EffectiveMessageTimeoutSeconds;
            ServiceIdleTimeoutSeconds = limits?.EffectiveIdleTimeoutSeconds;
            Revision = settings.Revision;
            CreatedBy = settings.CreatedBy;
            CreatedAt = settings.CreatedAt;
            UpdatedBy = settings.UpdatedBy;
            UpdatedAt = settings.UpdatedAt;
        }

        public string Root { get; }

        /// <summary>Users and groups who may do everything.</summary>
        public ItemList<string> Administrators { get; }

        /// <summary>Groups whose members may create environments (administrators always may).</summary>
        public ItemList<string> CreatorGroups { get; }

        /// <summary>Groups whose members may manage every environment.</summary>
        public ItemList<string> ManagerGroups { get; }

        /// <summary>pip's --index-url; null keeps pip's default.</summary>
        public string? IndexUrl { get; }

        public ItemList<string> ExtraIndexUrls { get; }

        public ItemList<string> FindLinks { get; }

        public ItemList<string> TrustedHosts { get; }

        /// <summary>pip's --no-index: only the wheelhouse and find-links, for air-gapped servers.</summary>
        public bool NoIndex { get; }

        /// <summary>Which index a name comes from when several list it: FirstIndex (the first that lists it) or BestVersion (pip's: the highest version anywhere).</summary>
        public IndexStrategy IndexStrategy { get; }

        /// <summary>Names pinned to one index; the first rule whose pattern matches a name decides.</summary>
        public ItemList<IndexRule> IndexRules { get; }

        /// <summary>Packages no env may install, each with why.</summary>
        public ItemList<DeniedPackage> DeniedPackages { get; }

        /// <summary>Requirement lines every environment installs and no package command may change.</summary>
        public ItemList<string> BasePackages { get; }

        /// <summary>The licenses a distribution must declare to be installed (SPDX ids or license names); empty: no rule.</summary>
        public ItemList<string> AllowedLicenses { get; }

        /// <summary>The package sets by name (Get-CodeEnvPackageSet shows them as objects).</summary>
        public NamedLists PackageSets { get; }

        /// <summary>The names of the container configs (Get-CodeEnvContainerConfig shows them whole).</summary>
        public ItemList<string> ContainerConfigs { get; }

        /// <summary>Interpreters an administrator registered in addition to the discovered ones.</summary>
        public ItemList<string> Interpreters { get; }

        public double LockTimeoutSeconds { get; }

        /// <summary>How many earlier venvs each env keeps beside the current one, so Restore-CodeEnv to their revisions is a switch.</summary>
        public int KeptVenvs { get; }

        /// <summary>After how many days without a use Get-CodeEnvUnused reports an env.</summary>
        public int UnusedAfterDays { get; }

        /// <summary>How installs put stored files into venvs: Link (hard links to the store, a copy where linking is impossible) or Copy (every venv its own files).</summary>
        public LinkMode LinkMode { get; }

        /// <summary>Where Get-CodeEnvVulnerability -Source Online asks OSV's query API.</summary>
        public string AdvisoryApiUrl { get; }

        /// <summary>The account of the CodeEnv service that serves this root; null for a root cmdlets work on directly.</summary>
        public string? ServiceAccount { get; }

        /// <summary>The largest message the service reads, in MiB; null on a root used directly. The service reads its limits when it starts.</summary>
        public int? ServiceMaxMessageMiB { get; }

        /// <summary>The largest archive Publish-CodeEnvPackage accepts on a served root, in MiB.</summary>
        public int? ServiceMaxPublishMiB { get; }

        /// <summary>How many connections to the service one user may hold at once.</summary>
        public int? ServiceMaxConnectionsPerUser { get; }

        /// <summary>How many connections to the service all users together may hold at once.</summary>
        public int? ServiceMaxConnections { get; }

        /// <summary>How many operations one user may run in the service at once.</summary>
        public int? ServiceMaxOperationsPerUser { get; }

        /// <summary>How long a connection may take to send one message once it has started it.</summary>
        public int? ServiceMessageTimeoutSeconds { get; }

        /// <summary>How long the service keeps a connection with no operation running and no message.</summary>
        public int? ServiceIdleTimeoutSeconds { get; }

        /// <summary>Where the kernel specs of envs with Jupyter support are written; point JUPYTER_PATH at its parent.</summary>
        public string KernelsFolder { get; }

        public int Revision { get; }

        public string CreatedBy { get; }

        public DateTimeOffset CreatedAt { get; }

        public string UpdatedBy { get; }

        public DateTimeOffset UpdatedAt { get; }

        public override string ToString() => Root;
    }
}
