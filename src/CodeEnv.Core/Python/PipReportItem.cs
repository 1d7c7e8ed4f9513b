using CodeEnv.Licenses;

namespace CodeEnv.Python
{
    /// <summary>
    /// One distribution of pip's installation report (<see cref="PipInstallReport"/>): what pip chose and where from, as
    /// its <c>download_info</c> (PEP 610's direct URL) says it.
    /// </summary>
    internal sealed class PipReportItem
    {
        public PipReportItem(string name, string version, string url, string? sha256, bool requested, bool isDirect, bool isArchive, bool isEditable, DistributionLicense? license = null)
        {
            License = license;
            Name = name;
            Version = version;
            Url = url;
            Sha256 = sha256;
            Requested = requested;
            IsDirect = isDirect;
            IsArchive = isArchive;
            IsEditable = isEditable;
        }

        public string Name { get; }

        public string Version { get; }

        /// <summary>Where pip found it (an archive's URL, a folder's, a repository's), with no fragment.</summary>
        public string Url { get; }

        /// <summary>The archive's sha256, lowercase hex; null for a folder, a VCS checkout or an archive pip gave no hash.</summary>
        public string? Sha256 { get; }

        /// <summary>Whether a line asked for it (pip's REQUESTED), rather than it being a dependency.</summary>
        public bool Requested { get; }

        /// <summary>Whether a line named it by URL or path (a direct reference), so pip records a direct_url.json.</summary>
        public bool IsDirect { get; }

        /// <summary>Whether it is a file (a wheel or an sdist), not a folder or a VCS checkout.</summary>
        public bool IsArchive { get; }

        public bool IsEditable { get; }

        /// <summary>
        /// The license the report's metadata declares; null where the report cannot say it: pip before 25.1 leaves
        /// License-Expression out of the report, so for metadata 2.4 and later only the METADATA itself tells.
        /// </summary>
        public DistributionLicense? License { get; }

        /// <summary>The archive's file name, from the last segment of its URL, unescaped.</summary>
        public string FileName => System.Uri.UnescapeDataString(Url.Substring(Url.LastIndexOf('/') + 1));

        public bool IsWheel => FileName.EndsWith(".whl", System.StringComparison.OrdinalIgnoreCase);
    }
}
