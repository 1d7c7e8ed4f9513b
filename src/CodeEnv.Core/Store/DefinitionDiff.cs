using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Store
{
    /// <summary>
    /// What changed between two definitions (or two root settings), field by field. Bookkeeping fields (revision,
    /// who and when, state) are not changes of the definition.
    /// </summary>
    internal static class DefinitionDiff
    {
        private static readonly HashSet<string> Bookkeeping = new HashSet<string>(StringComparer.Ordinal)
        {
            "schemaVersion", "revision", "updatedBy", "updatedAt", "state", "stateDetail",
        };

        public static List<FieldChange> Between<T>(T? before, T after)
            where T : class
        {
            var serializer = JsonSerializer.Create(Json.Settings);
            var old = before == null ? new JObject() : JObject.FromObject(before, serializer);
            var now = JObject.FromObject(after, serializer);
            var changes = new List<FieldChange>();
            Compare(old, now, "", changes);
            return changes;
        }

        /// <summary>Whether a top-level field is bookkeeping, which no revision reports as a change.</summary>
        public static bool IsBookkeeping(string field) => Bookkeeping.Contains(field);

        // Nested settings (packageSources, containers) are compared field by field: "packageSources.noIndex".
        private static void Compare(JObject old, JObject now, string prefix, List<FieldChange> changes)
        {
            foreach (var name in old.Properties().Select(p => p.Name).Union(now.Properties().Select(p => p.Name)))
            {
                if (prefix.Length == 0 && IsBookkeeping(name))
                {
                    continue;
                }

                var before = old[name];
                var after = now[name];
                if (JToken.DeepEquals(before, after))
                {
                    continue;
                }

                if (before is JObject oldObject && after is JObject newObject)
                {
                    Compare(oldObject, newObject, prefix + name + ".", changes);
                }
                else
                {
                    changes.Add(new FieldChange { Field = prefix + name, Before = Text(before), After = Text(after) });
                }
            }
        }

        private static string? Text(JToken? token) =>
            token == null ? null : token.Type == JTokenType.String ? token.Value<string>() : token.ToString(Formatting.None);
    }
}
