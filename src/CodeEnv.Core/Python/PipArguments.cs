using System.Collections.Generic;
using System.Linq;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>
    /// The pip options every install of a root uses: its package sources, its wheelhouse, its shared cache. Source
    /// URLs go to pip through its environment (PIP_INDEX_URL, ...), never its command line, which any local user
    /// can read in ps, and with their credentials put back from the root's secrets file only there.
    /// </summary>
    internal static class PipArguments
    {
        public static List<string> Install(RootPaths paths, PackageSources sources)
        {
            var args = new List<string> { "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--progress-bar", "off" };
            args.Add("--cache-dir");
            args.Add(paths.PipCache);
            if (sources.NoIndex)
            {
                args.Add("--no-index");
            }

            args.Add("--find-links");
            args.Add(paths.Wheelhouse);
            foreach (var folder in sources.FindLinks.Where(l => !PackageSources.IsUrl(l)))
            {
                args.Add("--find-links");
                args.Add(folder);
            }

            return args;
        }

        /// <summary>The URL sources as pip's environment variables, with their credentials: for pip's environment alone.</summary>
        public static Dictionary<string, string?> SourceEnvironment(RootPaths paths, PackageSources sources) =>
            Sources(sources, url => SourceSecrets.Reveal(paths, url));

        /// <summary>The same, redacted: what a log may show of them.</summary>
        public static Dictionary<string, string?> SourceEnvironmentRedacted(PackageSources sources) => Sources(sources, SourceSecrets.Redact);

        private static Dictionary<string, string?> Sources(PackageSources sources, System.Func<string, string> url)
        {
            var variables = new Dictionary<string, string?>();
            if (!sources.NoIndex && !string.IsNullOrEmpty(sources.IndexUrl))
            {
                variables["PIP_INDEX_URL"] = url(sources.IndexUrl!);
            }

            if (!sources.NoIndex && sources.ExtraIndexUrls.Count > 0)
            {
                variables["PIP_EXTRA_INDEX_URL"] = string.Join(" ", sources.ExtraIndexUrls.Select(url));
            }

            var linkUrls = sources.FindLinks.Where(PackageSources.IsUrl).ToList();
            if (linkUrls.Count > 0)
            {
                variables["PIP_FIND_LINKS"] = string.Join(" ", linkUrls.Select(url));
            }

            if (!sources.NoIndex && sources.TrustedHosts.Count > 0)
            {
                variables["PIP_TRUSTED_HOST"] = string.Join(" ", sources.TrustedHosts);
            }

            return variables;
        }
    }
}
