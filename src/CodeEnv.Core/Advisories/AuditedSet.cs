using System.Collections.Generic;

namespace CodeEnv.Advisories
{
    /// <summary>One set of installed versions of an env an audit reads: its current venv, a kept generation, or the set recorded for a revision.</summary>
    public sealed class AuditedSet
    {
        public AuditedSet(string label, bool isCurrent, IReadOnlyList<(string Name, string Version)> packages)
        {
            Label = label;
            IsCurrent = isCurrent;
            Packages = packages;
        }

        /// <summary>"current", "kept 3", "revision 5": how a finding names where it was found.</summary>
        public string Label { get; }

        public bool IsCurrent { get; }

        public IReadOnlyList<(string Name, string Version)> Packages { get; }
    }
}
