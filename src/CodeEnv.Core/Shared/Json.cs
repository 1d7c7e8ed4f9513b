using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;

namespace CodeEnv
{
    /// <summary>The one JSON dialect of every CodeEnv file: camelCase, enums as names, indented for people who read them.</summary>
    internal static class Json
    {
        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            // Dictionary keys are data (package set names), not property names: they keep their spelling.
            ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false } },
            // An enum is written by name; a number where a name belongs ("state": 12345) is a damaged file, not a value.
            Converters = { new StringEnumConverter { AllowIntegerValues = false } },
            Formatting = Formatting.Indented,
            NullValueHandling = NullValueHandling.Ignore,
            DateParseHandling = DateParseHandling.DateTimeOffset,
            // A wrongly typed or misspelled field is a damaged file, not something to silently drop.
            MissingMemberHandling = MissingMemberHandling.Error,
            ObjectCreationHandling = ObjectCreationHandling.Replace,
        };

        public static string Serialize<T>(T value) => JsonConvert.SerializeObject(value, Settings);

        public static T Deserialize<T>(string text) => JsonConvert.DeserializeObject<T>(text, Settings)!;

        public static T Clone<T>(T value) => Deserialize<T>(Serialize(value));
    }
}
