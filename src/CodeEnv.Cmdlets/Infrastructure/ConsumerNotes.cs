using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>What a -WhatIf or -Confirm says about the declared consumers a removal or a change would break.</summary>
    internal static class ConsumerNotes
    {
        public static string Of(IReadOnlyList<EnvironmentConsumer> consumers, bool force) =>
            consumers.Count == 0 ? "" : $" (declared consumers{(force ? ", removed anyway with -Force" : ", refused without -Force")}: {string.Join(", ", consumers)})";

        /// <summary>The consumers that pin any of <paramref name="packages"/>.</summary>
        public static string Pinning(IReadOnlyList<EnvironmentConsumer> consumers, IEnumerable<string> packages)
        {
            var names = new HashSet<string>(packages.Select(PackageName.Normalize), StringComparer.Ordinal);
            var pinning = consumers.Where(c => c.Packages.Any(names.Contains)).ToList();
            return pinning.Count == 0 ? "" : $" (pinned by declared consumers: {string.Join(", ", pinning)})";
        }
    }
}
