using System.Collections.Generic;
using System.Linq;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Store;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// Where pip looks for a root's packages, in the order pip is given them: find-links (URL pages from pip's environment
    /// first, then the root's wheelhouse and its find-links folders from the command line), then the index and the extra
    /// indexes (none with --no-index). URLs carry their credentials: this is for fetching, never for showing.
    /// </summary>
    public sealed class CandidateSources
    {
        /// <param name="strategy">Which index a name comes from when several list it; pip's BestVersion when not given.</param>
        /// <param name="indexRules">Names pinned to one index.</param>
        public CandidateSources(IEnumerable<string> findLinks, IEnumerable<string> indexUrls, IEnumerable<string>? trustedHosts = null, IndexStrategy strategy = IndexStrategy.BestVersion, IEnumerable<IndexRule>? indexRules = null)
        {
            FindLinks = findLinks.ToList();
            IndexUrls = indexUrls.ToList();
            TrustedHosts = (trustedHosts ?? Enumerable.Empty<string>()).ToList();
            Strategy = strategy;
            Pins = new IndexPins(indexRules ?? Enumerable.Empty<IndexRule>());
        }

        public IndexStrategy Strategy { get; }

        /// <summary>The root's index rules: which names come from one index only.</summary>
        public IndexPins Pins { get; }

        /// <summary>
        /// Where <paramref name="project"/> is looked for: every find-links entry and every index, but for a name a rule
        /// pins, only the rule's index (none when the root does not use it), so a pinned name is not even asked of another source.
        /// </summary>
        public (IReadOnlyList<string> FindLinks, IReadOnlyList<string> Indexes) For(string project)
        {
            var pin = Pins.PinOf(project);
            return pin == null ? (FindLinks, IndexUrls) : (new string[0], IndexUrls.Where(i => IndexPins.SameIndex(i, pin.Index)).Take(1).ToList());
        }

        /// <summary>Local folders, local archive files and page URLs, as pip's --find-links.</summary>
        public IReadOnlyList<string> FindLinks { get; }

        /// <summary>Simple-index base URLs: the index, then the extra indexes.</summary>
        public IReadOnlyList<string> IndexUrls { get; }

        /// <summary>Hosts pip may reach over plain http (--trusted-host).</summary>
        public IReadOnlyList<string> TrustedHosts { get; }

        /// <summary>Every URL among the sources, for the fetcher's credentials.</summary>
        public IEnumerable<string> Urls => FindLinks.Where(PackageSources.IsUrl).Concat(IndexUrls);

        /// <summary>The sources every pip run of the root uses (<see cref="PipArguments"/>), credentials put back from the root's secrets.</summary>
        public static CandidateSources ForRoot(RootPaths paths, PackageSources sources)
        {
            var variables = PipArguments.SourceEnvironment(paths, sources);
            string[] Listed(string variable) => variables.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value) ? value!.Split(' ') : new string[0];

            var findLinks = Listed(PipArguments.FindLinksVariable).ToList();
            findLinks.Add(paths.Wheelhouse);
            findLinks.AddRange(sources.FindLinks.Where(l => !PackageSources.IsUrl(l)));
            var indexes = Listed(PipArguments.IndexUrlVariable).Concat(Listed(PipArguments.ExtraIndexUrlVariable));
            return new CandidateSources(findLinks, indexes, sources.NoIndex ? null : sources.TrustedHosts, sources.IndexStrategy, sources.IndexRules);
        }
    }
}
