using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Store;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// Holds a choice CodeEnv did not make (pip's, read from its report) to the root's index rules before anything of it is
    /// installed: pip has no way to take a name from one index only, so each file it chose is looked up on the indexes'
    /// pages for its project. A pinned name's file must be one its rule's index lists; under FirstIndex, a file an index
    /// lists must be one the first index that lists the name lists. A file is the same when its URL is, or its file name
    /// and sha256 are (an index may serve another's identical file). A file no index lists (the wheelhouse, a find-links
    /// folder, a direct reference) passes under FirstIndex and is refused for a pinned name.
    /// </summary>
    public sealed class IndexOriginCheck
    {
        private readonly CandidateSources sources;
        private readonly IUrlFetcher fetcher;

        public IndexOriginCheck(CandidateSources sources, IUrlFetcher fetcher)
        {
            this.sources = sources;
            this.fetcher = fetcher;
        }

        /// <summary>Whether any choice could break a rule: a name is pinned, or FirstIndex chooses among two indexes or more.</summary>
        public bool Applies => !sources.Pins.IsEmpty || (sources.Strategy == IndexStrategy.FirstIndex && sources.IndexUrls.Count > 1);

        /// <summary>Refuses the first chosen file a rule forbids, naming the package, where it came from, the rule and how to fix it.</summary>
        /// <param name="chooser">Who chose the files, for the message ("pip").</param>
        /// <exception cref="CodeEnvException"><see cref="ErrorIds.IndexRuleViolated"/>.</exception>
        public async Task RequireAllowedAsync(IEnumerable<(string Name, string Version, string Url, string? Sha256)> chosen, string chooser, CancellationToken cancellation)
        {
            if (!Applies)
            {
                return;
            }

            foreach (var (name, version, url, sha256) in chosen)
            {
                var pin = sources.Pins.PinOf(name);
                if (pin == null && sources.Strategy != IndexStrategy.FirstIndex)
                {
                    continue;
                }

                var listings = await ListingsAsync(name, cancellation).ConfigureAwait(false);
                var fileName = Uri.UnescapeDataString(url.Split('#', '?')[0].Substring(url.Split('#', '?')[0].LastIndexOf('/') + 1));
                bool Lists((string Index, IReadOnlyList<IndexLink> Links) listing) => listing.Links.Any(l =>
                    IndexPins.Comparable(l.Url.AbsoluteUri) == IndexPins.Comparable(url)
                    || (sha256 != null && l.Sha256 != null && string.Equals(l.Sha256, sha256, StringComparison.OrdinalIgnoreCase) && l.FileName == fileName));
                var origin = listings.FirstOrDefault(Lists).Index;
                var from = origin != null ? $"from the index '{SourceSecrets.Redact(origin)}'"
                    : url.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? $"from the local file '{new Uri(url).LocalPath}' (the wheelhouse or a find-links folder)"
                    : $"from '{SourceSecrets.Redact(url)}', which no index of the root lists (a find-links page or a direct reference)";

                if (pin != null)
                {
                    if (listings.Any(l => IndexPins.SameIndex(l.Index, pin.Index) && Lists(l)))
                    {
                        continue;
                    }

                    throw new CodeEnvException(
                        ErrorIds.IndexRuleViolated,
                        $"{chooser} chose {name} {version} {from}, but the root's index rule '{pin}' takes {name} from '{pin.Index}' only. Nothing was installed. If '{pin.Index}' should serve it, publish {name} {version} there; if another index is meant, change the rule (Set-CodeEnvRoot -IndexRule). A package of that name elsewhere may squat an internal name: find out before trusting it.",
                        name);
                }

                var first = listings.FirstOrDefault(l => l.Links.Count > 0).Index;
                if (origin == null || first == null || IndexPins.SameIndex(first, origin) || Lists(listings.First(l => l.Index == first)))
                {
                    continue;
                }

                throw new CodeEnvException(
                    ErrorIds.IndexRuleViolated,
                    $"{chooser} chose {name} {version} {from}, but the root's IndexStrategy FirstIndex takes {name} only from '{SourceSecrets.Redact(first)}', the first index that lists it ({chooser} ranks every index's versions together). Nothing was installed. If the later index should serve it, pin it there: Set-CodeEnvRoot -IndexRule @{{ Pattern = '{PackageName.Normalize(name)}'; Index = '{SourceSecrets.WithoutCredentials(origin)}' }}; otherwise it may squat a name of the first index: find out before trusting it.",
                    name);
            }
        }

        // Each index's links for the project, in the order of the sources (an index pip would not read lists nothing).
        private async Task<IReadOnlyList<(string Index, IReadOnlyList<IndexLink> Links)>> ListingsAsync(string name, CancellationToken cancellation)
        {
            var listings = new List<(string, IReadOnlyList<IndexLink>)>();
            foreach (var index in sources.IndexUrls.Distinct(StringComparer.Ordinal))
            {
                if (!PackageSources.IsUrl(index) || index.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
                {
                    listings.Add((index, Array.Empty<IndexLink>()));
                    continue;
                }

                FetchedUrl? page;
                try
                {
                    page = await fetcher.GetAsync(CandidateFinder.ProjectPage(index, PackageName.Normalize(name)), IndexPage.Accept, cancellation).ConfigureAwait(false);
                }
                catch (PipMustDecideException unreadable)
                {
                    // A rule that cannot be checked holds nothing back unless it refuses.
                    throw new CodeEnvException(ErrorIds.IndexRuleViolated, $"The root's index rules cannot be checked for {name}: {unreadable.Message}. Nothing was installed. Run the update again once the index answers.", name);
                }

                listings.Add((index, page == null ? Array.Empty<IndexLink>() : IndexPage.Parse(page)));
            }

            return listings;
        }
    }
}
