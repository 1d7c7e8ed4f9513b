using System;

namespace CodeEnv.Resolution
{
    /// <summary>One link of an index or find-links page, with the attributes pip reads from it.</summary>
    internal sealed class IndexLink
    {
        public IndexLink(Uri url, string? sha256, string? requiresPython, string? yankedReason, bool hasCoreMetadata, string? coreMetadataSha256)
        {
            Url = url;
            Sha256 = sha256;
            RequiresPython = requiresPython;
            YankedReason = yankedReason;
            HasCoreMetadata = hasCoreMetadata;
            CoreMetadataSha256 = coreMetadataSha256;
        }

        /// <summary>The absolute URL, without its fragment.</summary>
        public Uri Url { get; }

        /// <summary>The file name: the last segment of the URL's path, unescaped.</summary>
        public string FileName => Uri.UnescapeDataString(Url.AbsolutePath.TrimEnd('/').Substring(Url.AbsolutePath.TrimEnd('/').LastIndexOf('/') + 1));

        public string? Sha256 { get; }

        public string? RequiresPython { get; }

        public string? YankedReason { get; }

        public bool HasCoreMetadata { get; }

        public string? CoreMetadataSha256 { get; }
    }
}
