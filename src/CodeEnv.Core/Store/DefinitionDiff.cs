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
            return old.Properties().Select(p => p.Name)
                .Union(now.Properties().Select(p => p.Name))
                .Where(name => !Bookkeeping.Contains(name))
                .Where(name => !JToken.DeepEquals(old[name], now[name]))
                .Select(name => new FieldChange { Field = name, Before = Text(old[name]), After = Text(now[name]) })
                .ToList();
        }

        private static string? Text(JToken? token) =>
            token == null ? null : token.Type == JTokenType.String ? token.Value<string>() : token.ToString(Formatting.None);
    }
}
