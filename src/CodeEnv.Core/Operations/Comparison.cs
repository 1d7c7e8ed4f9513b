using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Requirements;

namespace CodeEnv.Operations
{
    /// <summary>Compares two sides, each a map from normalized package name to its shown name and version or line.</summary>
    internal static class Comparison
    {
        public static IReadOnlyList<PackageDifference> Between(
            IReadOnlyDictionary<string, (string Name, string Value)> reference,
            IReadOnlyDictionary<string, (string Name, string Value)> difference,
            string referenceName,
            string differenceName,
            string root) =>
            reference.Keys.Union(difference.Keys)
                .OrderBy(k => k, StringComparer.Ordinal)
                .Select(key =>
                {
                    var inReference = reference.TryGetValue(key, out var left);
                    var inDifference = difference.TryGetValue(key, out var right);
                    return (Key: key, Left: inReference ? left : ((string, string)?)null, Right: inDifference ? right : ((string, string)?)null);
                })
                .Where(side => side.Left == null || side.Right == null || !string.Equals(side.Left.Value.Item2, side.Right.Value.Item2, StringComparison.Ordinal))
                .Select(side => new PackageDifference((side.Left ?? side.Right)!.Value.Item1, side.Left?.Item2, side.Right?.Item2, referenceName, differenceName, root))
                .ToList();

        /// <summary>Installed distributions by normalized name, with their versions.</summary>
        public static IReadOnlyDictionary<string, (string Name, string Value)> Installed(IEnumerable<(string Name, string Version)> packages) =>
            packages.GroupBy(p => PackageName.Normalize(p.Name)).ToDictionary(g => g.Key, g => (g.First().Name, g.First().Version), StringComparer.Ordinal);

        /// <summary>Requested lines by the package they name (an option line by its text).</summary>
        public static IReadOnlyDictionary<string, (string Name, string Value)> Requested(IEnumerable<string> lines)
        {
            var map = new Dictionary<string, (string Name, string Value)>(StringComparer.Ordinal);
            foreach (var line in lines)
            {
                var name = Packages.EnvironmentRequirements.NameOf(line);
                var key = name == null ? line.Trim() : PackageName.Normalize(name);
                map[key] = (name ?? line.Trim(), line.Trim());
            }

            return map;
        }
    }
}
