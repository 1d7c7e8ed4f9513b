using System;

namespace CodeEnv
{
    /// <summary>
    /// The root's offline advisory database (PowerShell type <c>CodeEnv.AdvisoryDatabaseInfo</c>): what
    /// Import-CodeEnvAdvisoryDatabase emits, and what Get-CodeEnvVulnerability -Source Offline reads.
    /// </summary>
    public sealed class AdvisoryDatabaseInfo
    {
        public AdvisoryDatabaseInfo(string root, DateTimeOffset? madeAt, DateTimeOffset importedAt, string importedBy, int advisories, int packages, int withdrawn, string sha256)
        {
            Root = root;
            MadeAt = madeAt;
            ImportedAt = importedAt;
            ImportedBy = importedBy;
            Advisories = advisories;
            Packages = packages;
            Withdrawn = withdrawn;
            Sha256 = sha256;
        }

        public string Root { get; }

        /// <summary>How recent the database is: the newest "modified" time of its advisories (the export itself carries no date).</summary>
        public DateTimeOffset? MadeAt { get; }

        public DateTimeOffset ImportedAt { get; }

        public string ImportedBy { get; }

        /// <summary>The advisories kept: those not withdrawn that name a PyPI package.</summary>
        public int Advisories { get; }

        /// <summary>The PyPI packages they name.</summary>
        public int Packages { get; }

        /// <summary>Withdrawn advisories in the export, left out.</summary>
        public int Withdrawn { get; }

        /// <summary>The sha256 of the zip imported.</summary>
        public string Sha256 { get; }

        public override string ToString() => $"{Advisories} advisories of {Packages} packages, made {MadeAt:u}";
    }
}
