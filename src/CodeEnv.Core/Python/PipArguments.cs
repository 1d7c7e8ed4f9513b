using System.Collections.Generic;
using System.Linq;
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>
    /// The pip options every install of a root uses: its package sources, its wheelhouse, its shared cache. Source
    /// URLs go to pip through its environment (<see cref="SourceVariables"/>), never its command line, which any local
    /// user can read in ps, and with their credentials put back from the root's secrets file only there. On a served
    /// root the sandbox takes them out again and gives pip its index gateway instead (<see cref="Service.SandboxedProcessRunner"/>).
    /// </summary>
    internal static class PipArguments
    {
        /// <summary>pip's default index, named where the root names none, so that every source pip may use is in its environment.</summary>
        public const string DefaultIndexUrl = "https://pypi.org/simple";

        public const string IndexUrlVariable = "PIP_INDEX_URL";

        public const string ExtraIndexUrlVariable = "PIP_EXTRA_INDEX_URL";

        public const string FindLinksVariable = "PIP_FIND_LINKS";

        public const string TrustedHostVariable = "PIP_TRUSTED_HOST";

        /// <summary>The variables that carry the URL sources, each a space-separated list: what a sandbox must keep from package code.</summary>
        public static readonly IReadOnlyList<string> SourceVariables = new[] { IndexUrlVariable, ExtraIndexUrlVariable, FindLinksVariable };

        public static List<string> Install(RootPaths paths, PackageSources sources) => Pip("install", paths, sources);

        /// <summary>The same options for <c>pip wheel</c>: an sdist's build finds its build requirements where an install would.</summary>
        public static List<string> Wheel(RootPaths paths, PackageSources sources) => Pip("wheel", paths, sources);

        private static List<string> Pip(string command, RootPaths paths, PackageSources sources)
        {
            var args = new List<string> { "-m", "pip", command, "--disable-pip-version-check", "--no-input", "--progress-bar", "off" };
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
            if (!sources.NoIndex)
            {
                variables[IndexUrlVariable] = url(string.IsNullOrEmpty(sources.IndexUrl) ? DefaultIndexUrl : sources.IndexUrl!);
            }

            if (!sources.NoIndex && sources.ExtraIndexUrls.Count > 0)
            {
                variables[ExtraIndexUrlVariable] = string.Join(" ", sources.ExtraIndexUrls.Select(url));
            }

            var linkUrls = sources.FindLinks.Where(PackageSources.IsUrl).ToList();
            if (linkUrls.Count > 0)
            {
                variables[FindLinksVariable] = string.Join(" ", linkUrls.Select(url));
            }

            if (!sources.NoIndex && sources.TrustedHosts.Count > 0)
            {
                variables[TrustedHostVariable] = string.Join(" ", sources.TrustedHosts);
            }

            return variables;
        }
    }
}
