using System.Collections.Generic;
using System.Linq;

namespace CodeEnv
{
    /// <summary>Where pip looks for packages; the root's <c>wheelhouse/</c> is always searched as well.</summary>
    public sealed class PackageSources
    {
        /// <summary>pip's --index-url; null keeps pip's default.</summary>
        public string? IndexUrl { get; set; }

        public List<string> ExtraIndexUrls { get; set; } = new List<string>();

        public List<string> FindLinks { get; set; } = new List<string>();

        public List<string> TrustedHosts { get; set; } = new List<string>();

        /// <summary>pip's --no-index: only the wheelhouse and find-links, for air-gapped servers.</summary>
        public bool NoIndex { get; set; }

        /// <summary>Which index a name comes from when several list it. A root written before this setting keeps pip's BestVersion; a new root starts with FirstIndex.</summary>
        public IndexStrategy IndexStrategy { get; set; } = IndexStrategy.BestVersion;

        /// <summary>Names pinned to one index; the first rule that matches a name decides.</summary>
        public List<IndexRule> IndexRules { get; set; } = new List<IndexRule>();

        /// <summary>Whether a find-links entry is a URL (pip reads a page) rather than a local folder (pip lists files).</summary>
        public static bool IsUrl(string link) => link.Contains("://");
    }
}
