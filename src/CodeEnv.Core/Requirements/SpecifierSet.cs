using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv.Requirements
{
    /// <summary>A comma-separated list of version clauses, all of which must hold (PEP 440).</summary>
    public sealed class SpecifierSet
    {
        private SpecifierSet(IReadOnlyList<VersionSpecifier> specifiers)
        {
            Specifiers = specifiers;
        }

        public static readonly SpecifierSet Any = new SpecifierSet(Array.Empty<VersionSpecifier>());

        public IReadOnlyList<VersionSpecifier> Specifiers { get; }

        public static SpecifierSet Parse(string text) =>
            TryParse(text, out var set, out var problem) ? set! : throw new FormatException(problem);

        public static bool TryParse(string text, out SpecifierSet? set, out string problem)
        {
            set = null;
            problem = "";
            var clauses = new List<VersionSpecifier>();
            foreach (var part in text.Split(',').Select(p => p.Trim()).Where(p => p.Length > 0))
            {
                if (!VersionSpecifier.TryParse(part, out var clause, out problem))
                {
                    return false;
                }

                clauses.Add(clause!);
            }

            set = new SpecifierSet(clauses);
            return true;
        }

        public bool Contains(PackageVersion version) => Specifiers.All(s => s.Contains(version));

        public override string ToString() => string.Join(",", Specifiers);
    }
}
