using System.Collections.Generic;
using System.Linq;
using CodeEnv.Store;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Operations
{
    /// <summary>A field change in an admin's words: lists as what was added and removed, values as before -> after.</summary>
    internal static class ChangeText
    {
        public static string Describe(FieldChange change)
        {
            var before = Parse(change.Before);
            var after = Parse(change.After);
            if ((before is JArray || before == null) && (after is JArray || after == null) && (before != null || after != null))
            {
                var old = Items(before);
                var now = Items(after);
                var parts = new List<string>();
                var added = now.Where(i => !old.Contains(i)).ToList();
                var removed = old.Where(i => !now.Contains(i)).ToList();
                // A requirement line whose package stays but whose specifier moves is a change, not an add and a remove.
                var changed = added.Select(a => (After: a, Before: removed.FirstOrDefault(r => LeadingName(r) != null && LeadingName(r) == LeadingName(a))))
                    .Where(p => p.Before != null)
                    .ToList();
                foreach (var pair in changed)
                {
                    added.Remove(pair.After);
                    removed.Remove(pair.Before!);
                }

                if (changed.Count > 0)
                {
                    parts.Add("changed " + string.Join(", ", changed.Select(c => c.Before + " -> " + c.After)));
                }

                if (added.Count > 0)
                {
                    parts.Add("added " + string.Join(", ", added));
                }

                if (removed.Count > 0)
                {
                    parts.Add("removed " + string.Join(", ", removed));
                }

                return change.Field + ": " + (parts.Count == 0 ? "reordered" : string.Join("; ", parts));
            }

            return change.ToString();
        }

        private static string? LeadingName(string item)
        {
            var match = System.Text.RegularExpressions.Regex.Match(item, @"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[\[<>=!~;@ (]|$)");
            return match.Success && !item.StartsWith("{", System.StringComparison.Ordinal) ? Requirements.PackageName.Normalize(match.Groups[1].Value) : null;
        }

        private static JToken? Parse(string? text)
        {
            if (text == null || !(text.StartsWith("[") || text.StartsWith("{")))
            {
                return null;
            }

            try
            {
                return JToken.Parse(text);
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }

        private static List<string> Items(JToken? list) =>
            list == null ? new List<string>() : list.Select(i => i.Type == JTokenType.String ? (string)i! : i.ToString(Newtonsoft.Json.Formatting.None)).ToList();
    }
}
