using System;
using System.Collections;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Service
{
    /// <summary>
    /// Rebuilds the engine's read-only snapshots (EnvironmentInfo, HealthReport, ...) on the caller's side of the wire
    /// from their public properties: they have no public constructor and get-only properties by design (cmdlets emit
    /// them; scripts must not build them), so each property's value goes to its backing field. Only the caller reads
    /// snapshots; the service never deserializes one from a caller.
    /// </summary>
    internal sealed class SnapshotConverter : JsonConverter
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        public override bool CanWrite => false;

        // The lists and named lists on snapshots (ItemList, NamedLists) are JSON arrays and objects, which Json.NET
        // builds through their constructors itself.
        public override bool CanConvert(Type objectType) =>
            objectType.Assembly == typeof(SnapshotConverter).Assembly
            && objectType.IsClass
            && !objectType.IsAbstract
            && objectType.GetConstructor(Type.EmptyTypes) == null
            && !typeof(IEnumerable).IsAssignableFrom(objectType);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
        {
            if (reader.TokenType == JsonToken.Null)
            {
                return null;
            }

            var json = JObject.Load(reader);
            var snapshot = FormatterServices.GetUninitializedObject(objectType);
            foreach (var property in objectType.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                var field = objectType.GetField($"<{property.Name}>k__BackingField", Instance);
                var value = json.Properties().FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase))?.Value;
                if (field != null && value != null)
                {
                    field.SetValue(snapshot, value.Type == JTokenType.Null ? null : value.ToObject(property.PropertyType, serializer));
                }
            }

            return snapshot;
        }

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
    }
}
