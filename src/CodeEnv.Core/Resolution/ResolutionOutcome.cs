using System;
using System.Collections.Generic;

namespace CodeEnv.Resolution
{
    /// <summary>What the resolver decided: the set pip would install, or that pip must decide, and why.</summary>
    public sealed class ResolutionOutcome
    {
        private ResolutionOutcome(ResolutionKind kind, IReadOnlyList<ResolvedDistribution> distributions, string? reason, IReadOnlyList<string> unmet)
        {
            Kind = kind;
            Distributions = distributions;
            PipMustDecideReason = reason;
            UnmetRequirements = unmet;
        }

        public ResolutionKind Kind { get; }

        public bool IsResolved => Kind == ResolutionKind.Resolved;

        /// <summary>The chosen set, in the order it was chosen; empty when pip must decide.</summary>
        public IReadOnlyList<ResolvedDistribution> Distributions { get; }

        /// <summary>Why pip must decide, in a short sentence; null when resolved.</summary>
        public string? PipMustDecideReason { get; }

        /// <summary>
        /// After an incremental resolution: requirements of the env's distributions, as they would be, that the set does not
        /// meet, where either side is new (what pip check would then report). Empty otherwise.
        /// </summary>
        public IReadOnlyList<string> UnmetRequirements { get; }

        public bool RequirementsMet => UnmetRequirements.Count == 0;

        public static ResolutionOutcome Resolved(IReadOnlyList<ResolvedDistribution> distributions, IReadOnlyList<string>? unmet = null) =>
            new ResolutionOutcome(ResolutionKind.Resolved, distributions, null, unmet ?? Array.Empty<string>());

        /// <summary>The sdist whose metadata the resolver needed, when that is why pip must decide: built into the store, it is read there.</summary>
        public CandidateFile? SdistToBuild { get; private set; }

        public static ResolutionOutcome PipMustDecide(string reason, CandidateFile? sdist = null) =>
            new ResolutionOutcome(ResolutionKind.PipMustDecide, Array.Empty<ResolvedDistribution>(), reason, Array.Empty<string>()) { SdistToBuild = sdist };

        public override string ToString() => IsResolved ? string.Join(", ", Distributions) : "pip must decide: " + PipMustDecideReason;
    }

    /// <summary>The two answers of the resolver.</summary>
    public enum ResolutionKind
    {
        /// <summary>CodeEnv knows the set pip would choose.</summary>
        Resolved,
        /// <summary>Only pip can tell (backtracking, an sdist to build, a direct reference, pip options, ...).</summary>
        PipMustDecide,
    }
}
