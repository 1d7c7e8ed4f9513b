using System;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// Thrown where CodeEnv cannot know what pip would choose without doing what only pip does (backtracking, building an
    /// sdist, reading a source it cannot reach); the resolver turns it into a <see cref="ResolutionOutcome"/> that hands
    /// the decision to pip, with <see cref="Exception.Message"/> as the short reason.
    /// </summary>
    public sealed class PipMustDecideException : Exception
    {
        public PipMustDecideException(string reason)
            : base(reason)
        {
        }

        /// <param name="sdist">The sdist whose metadata the resolver needed: once built into the store, the resolver reads it there.</param>
        public PipMustDecideException(string reason, CandidateFile sdist)
            : base(reason)
        {
            Sdist = sdist;
        }

        /// <summary>The sdist that stopped the resolver, when that is why pip must decide.</summary>
        public CandidateFile? Sdist { get; }
    }
}
