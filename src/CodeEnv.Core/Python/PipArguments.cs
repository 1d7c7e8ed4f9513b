using System.Collections.Generic;
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>The pip options every install of a root uses: its package sources, its wheelhouse, its shared cache.</summary>
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
            else if (!string.IsNullOrEmpty(sources.IndexUrl))
            {
                args.Add("--index-url");
                args.Add(sources.IndexUrl!);
            }

            foreach (var url in sources.ExtraIndexUrls)
            {
                args.Add("--extra-index-url");
                args.Add(url);
            }

            args.Add("--find-links");
            args.Add(paths.Wheelhouse);
            foreach (var link in sources.FindLinks)
            {
                args.Add("--find-links");
                args.Add(link);
            }

            foreach (var host in sources.TrustedHosts)
            {
                args.Add("--trusted-host");
                args.Add(host);
            }

            return args;
        }
    }
}
