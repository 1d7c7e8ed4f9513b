using System.Collections.Generic;

namespace CodeEnv.Python
{
    /// <summary>
    /// Turns an egg-info requires.txt (plain lines, then [extra], [:marker] and [extra:marker] sections) into
    /// Requires-Dist lines, as importlib.metadata does.
    /// </summary>
    internal static class LegacyRequires
    {
        public static IEnumerable<string> Read(IEnumerable<string> lines)
        {
            string? marker = null;
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", System.StringComparison.Ordinal))
                {
                    continue;
                }

                if (line.StartsWith("[", System.StringComparison.Ordinal) && line.EndsWith("]", System.StringComparison.Ordinal))
                {
                    var section = line.Substring(1, line.Length - 2);
                    var colon = section.IndexOf(':');
                    var extra = colon >= 0 ? section.Substring(0, colon) : section;
                    var condition = colon >= 0 ? section.Substring(colon + 1) : "";
                    var parts = new List<string>();
                    if (extra.Length > 0)
                    {
                        parts.Add($"extra == \"{extra}\"");
                    }

                    if (condition.Length > 0)
                    {
                        parts.Add("(" + condition + ")");
                    }

                    marker = parts.Count == 0 ? null : string.Join(" and ", parts);
                    continue;
                }

                yield return marker == null ? line : line + "; " + marker;
            }
        }
    }
}
