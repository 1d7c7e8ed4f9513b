using System;
using System.IO;
using CodeEnv.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Store
{
    /// <summary>
    /// Reads and writes one versioned JSON document. Every file carries <c>schemaVersion</c>: a newer one than
    /// this code knows is refused (never rewritten), a damaged one is an error that names the file.
    /// </summary>
    internal static class SchemaFile
    {
        /// <summary>A document's text, or the error a missing or unreadable one of its kind gives.</summary>
        public static string ReadDocumentText(string path, DocumentSchema schema)
        {
            try
            {
                return ReadText(path);
            }
            catch (FileNotFoundException e)
            {
                throw new CodeEnvException(ErrorKind.NotFound, schema.IdPrefix + "NotFound", $"The {schema.What} file '{path}' does not exist.", path, e);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new CodeEnvException(ErrorKind.NotFound, schema.IdPrefix + "NotFound", $"The {schema.What} file '{path}' does not exist.", path, e);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CodeEnvException(ErrorKind.InvalidData, schema.IdPrefix + "Unreadable", $"The {schema.What} file '{path}' cannot be read: {e.Message}", path, e);
            }
        }

        public static T Read<T>(string path, DocumentSchema schema)
            where T : class =>
            Parse<T>(ReadDocumentText(path, schema), schema, path);

        /// <summary>A document from its text, upgraded to the current schema; <paramref name="path"/> names where the text came from in errors.</summary>
        public static T Parse<T>(string text, DocumentSchema schema, string path)
            where T : class
        {
            var what = schema.What;
            var idPrefix = schema.IdPrefix;
            var currentSchemaVersion = schema.Current;

            var fast = TryReadCurrent<T>(text, currentSchemaVersion);
            if (fast != null)
            {
                return fast;
            }

            JObject document;
            try
            {
                document = JObject.Parse(text);
            }
            catch (JsonException e)
            {
                throw Damaged(path, what, idPrefix, e.Message, e);
            }

            var version = document["schemaVersion"];
            if (version == null || version.Type != JTokenType.Integer)
            {
                throw Damaged(path, what, idPrefix, "it has no integer 'schemaVersion'", null);
            }

            var schemaVersion = version.Value<int>();
            if (schemaVersion > currentSchemaVersion)
            {
                throw new CodeEnvException(
                    ErrorKind.InvalidData,
                    idPrefix + "SchemaTooNew",
                    $"The {what} file '{path}' has schemaVersion {schemaVersion}, but this CodeEnv understands up to {currentSchemaVersion}. "
                    + "It was written by a newer CodeEnv: update the CodeEnv module. The file was left as it is.",
                    path);
            }

            if (schemaVersion < 1)
            {
                throw Damaged(path, what, idPrefix, $"schemaVersion {schemaVersion} is not a valid version", null);
            }

            try
            {
                schema.Upgrade(document, schemaVersion);
                return document.ToObject<T>(Serializer)
                    ?? throw Damaged(path, what, idPrefix, "it is empty", null);
            }
            catch (JsonException e)
            {
                throw Damaged(path, what, idPrefix, e.Message, e);
            }
            catch (ArgumentException e)
            {
                throw Damaged(path, what, idPrefix, e.Message, e);
            }
            catch (InvalidCastException e)
            {
                throw Damaged(path, what, idPrefix, e.Message, e);
            }
        }

        // The files are small and always UTF-8 without a byte order mark (AtomicFile writes them so): reading the bytes and
        // decoding them skips the buffers and encoding detection of a StreamReader, which listing 10,000 envs feels.
        private static string ReadText(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        }

        /// <summary>
        /// The schemaVersion a file declares, or null when it has none it can be read by (missing, damaged). Scans the
        /// tokens with the reader every read already uses, so checking a root's version costs no extra code to load.
        /// </summary>
        public static int? VersionOf(string path)
        {
            try
            {
                int? version = null;
                var complete = false;
                using (var reader = new JsonTextReader(new StringReader(ReadText(path))))
                {
                    // Read to the end: a file damaged after its version is as unreadable as one without.
                    while (reader.Read())
                    {
                        complete = reader.Depth == 0 && reader.TokenType == JsonToken.EndObject;
                        if (version == null && reader.Depth == 1 && reader.TokenType == JsonToken.PropertyName && (string?)reader.Value == "schemaVersion")
                        {
                            version = reader.Read() && reader.TokenType == JsonToken.Integer ? Convert.ToInt32(reader.Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
                        }
                    }
                }

                return !complete || version == null || version < 0 ? null : version;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException || e is OverflowException)
            {
                return null;
            }
        }

        private static readonly JsonSerializer Serializer = JsonSerializer.Create(Json.Settings);

        /// <summary>
        /// The common case in one pass: a file of the current schema read straight into its type. Anything else (an
        /// older or newer schema, a damaged file) returns null and takes the careful path, which says what is wrong.
        /// </summary>
        private static T? TryReadCurrent<T>(string text, int currentSchemaVersion)
            where T : class
        {
            if (text.IndexOf("\"schemaVersion\"", StringComparison.Ordinal) < 0)
            {
                return null;
            }

            try
            {
                using (var reader = new JsonTextReader(new System.IO.StringReader(text)))
                {
                    var document = Serializer.Deserialize<T>(reader);
                    return document != null && SchemaVersionOf<T>.Get(document) == currentSchemaVersion && !reader.Read() ? document : null;
                }
            }
            catch (Exception e) when (e is JsonException || e is ArgumentException || e is FormatException || e is InvalidCastException)
            {
                return null;
            }
        }

        private static class SchemaVersionOf<T>
        {
            private static readonly System.Reflection.PropertyInfo? Property = typeof(T).GetProperty("SchemaVersion");

            public static int Get(T document) => Property == null ? -1 : (int)Property.GetValue(document)!;
        }

        public static void Write<T>(string path, T document) => AtomicFile.WriteAllText(path, Json.Serialize(document));

        private static CodeEnvException Damaged(string path, string what, string idPrefix, string reason, Exception? inner) =>
            new CodeEnvException(
                ErrorKind.InvalidData,
                idPrefix + "Damaged",
                $"The {what} file '{path}' is damaged: {reason}. Restore it from history/ or a backup; CodeEnv will not overwrite it.",
                path,
                inner);
    }
}
