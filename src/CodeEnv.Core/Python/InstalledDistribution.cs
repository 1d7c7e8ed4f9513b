using System.Collections.Generic;

namespace CodeEnv.Python
{
    /// <summary>One distribution's metadata as the reader found it, with what dependency checks need.</summary>
    internal sealed class InstalledDistribution
    {
        public InstalledDistribution(InstalledPackage package, IReadOnlyList<string> requires, string? directUrl, string? metadataFile = null)
        {
            MetadataFile = metadataFile;
            Package = package;
            Requires = requires;
            DirectUrl = directUrl;
        }

        public InstalledPackage Package { get; }

        /// <summary>Requires-Dist lines (PEP 508, markers may test 'extra').</summary>
        public IReadOnlyList<string> Requires { get; }

        /// <summary>The URL of direct_url.json when the distribution was installed from a URL or path.</summary>
        public string? DirectUrl { get; }

        /// <summary>The METADATA (or PKG-INFO) file it was read from, for what only the whole file says (its license).</summary>
        public string? MetadataFile { get; }
    }
}
