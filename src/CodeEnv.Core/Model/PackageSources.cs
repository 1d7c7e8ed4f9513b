using System.Collections.Generic;

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
    }
}
