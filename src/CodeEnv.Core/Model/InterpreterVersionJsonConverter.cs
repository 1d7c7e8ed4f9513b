using System;
using Newtonsoft.Json;

namespace CodeEnv
{
    /// <summary>
    /// An <see cref="InterpreterVersion"/> is its text on the wire of a served root (and in any JSON CodeEnv writes),
    /// so the caller's side reads exactly the version the service saw.
    /// </summary>
    internal sealed class InterpreterVersionJsonConverter : JsonConverter<InterpreterVersion>
    {
        public override void WriteJson(JsonWriter writer, InterpreterVersion? value, JsonSerializer serializer) =>
            writer.WriteValue(value?.ToString());

        public override InterpreterVersion? ReadJson(JsonReader reader, Type objectType, InterpreterVersion? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            reader.TokenType == JsonToken.Null ? null : InterpreterVersion.Parse(Convert.ToString(reader.Value, System.Globalization.CultureInfo.InvariantCulture)!);
    }
}
