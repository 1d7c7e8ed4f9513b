using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// The wheel tags an interpreter's pip accepts, ranked as pip ranks them: a wheel's rank is that of its most preferred
    /// tag (0 is best), and a wheel none of whose tags is here does not install there.
    /// </summary>
    public sealed class SupportedTags
    {
        private readonly Dictionary<string, int> ranks = new Dictionary<string, int>(StringComparer.Ordinal);

        public SupportedTags(IEnumerable<string> tagsMostPreferredFirst)
        {
            foreach (var tag in tagsMostPreferredFirst.Select(t => t.ToLowerInvariant()))
            {
                if (!ranks.ContainsKey(tag))
                {
                    ranks[tag] = ranks.Count;
                }
            }
        }

        /// <summary>The interpreter's most preferred tag (its implementation, ABI and platform), or null when there is none: what names a kind of interpreter.</summary>
        public string? MostPreferred => ranks.Count == 0 ? null : ranks.First(r => r.Value == 0).Key;

        /// <summary>How many tags there are: pip ranks an sdist below every wheel, at this number.</summary>
        public int Count => ranks.Count;

        /// <summary>The rank of the best of <paramref name="wheelTags"/>, or null when none is supported.</summary>
        public int? RankOf(IEnumerable<string> wheelTags)
        {
            int? best = null;
            foreach (var tag in wheelTags)
            {
                if (ranks.TryGetValue(tag, out var rank) && (best == null || rank < best))
                {
                    best = rank;
                }
            }

            return best;
        }
    }
}
