using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Resolution;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Holds a set pip chose (its report's items) to the root's deny list and index rules: the one check of every path
    /// where pip, not the resolver, decides (its dry run before the store installs, its own install before the new venv
    /// is switched to).
    /// </summary>
    internal static class RootRulesCheck
    {
        /// <param name="refused">What the refusal says happened, after "and ".</param>
        public static async Task RequireAllowedAsync(RootPaths paths, PackageSources sources, IReadOnlyList<DeniedPackage> denied, IReadOnlyList<PipReportItem> items, string refused, CancellationToken cancellation)
        {
            new DenyList(denied).RequireAllowed(items.Select(i => (i.Name, i.Version)), refused);
            var candidates = CandidateSources.ForRoot(paths, sources);
            using (var fetcher = new HttpUrlFetcher(candidates.Urls))
            {
                await new IndexOriginCheck(candidates, fetcher).RequireAllowedAsync(items.Select(i => (i.Name, i.Version, i.Url, i.Sha256)), "pip", cancellation).ConfigureAwait(false);
            }
        }

        /// <summary>Whether the root has index rules a choice could break, so a pip run without a report cannot be held to them.</summary>
        public static bool IndexRulesApply(RootPaths paths, PackageSources sources)
        {
            var candidates = CandidateSources.ForRoot(paths, sources);
            using (var fetcher = new HttpUrlFetcher(candidates.Urls))
            {
                return new IndexOriginCheck(candidates, fetcher).Applies;
            }
        }
    }
}
