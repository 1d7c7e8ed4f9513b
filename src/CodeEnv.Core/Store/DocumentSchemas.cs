using Newtonsoft.Json.Linq;

namespace CodeEnv.Store
{
    /// <summary>
    /// Every kind of file CodeEnv writes, with its schema history in one place: a reader of any file finds here which
    /// versions exist and how an older one is read today.
    /// </summary>
    internal static class DocumentSchemas
    {
        /// <summary>
        /// env.json. 2: the lifecycle state moved to status.json (it is not part of the revisioned definition).
        /// 3: registeredVenv, the folder of a venv CodeEnv lists but does not manage (absent for managed envs).
        /// </summary>
        public static readonly DocumentSchema Definition = new DocumentSchema("environment definition", "EnvironmentFile", WithoutState, NothingToChange);

        /// <summary>history/&lt;rev&gt;.json of an env. 2: the definition it holds is a version 2 one.</summary>
        public static readonly DocumentSchema DefinitionHistory = new DocumentSchema("history", "HistoryFile", record => Nested(record, "definition", Definition, 1));

        /// <summary>
        /// codeenv.json. 2: the root's envs keep their lifecycle state in status.json; the settings themselves did not
        /// change shape. 3: kernelsFolder, where Jupyter kernel specs go (absent: &lt;root&gt;/jupyter/kernels). 4: keptVenvs, how
        /// many earlier venvs each env keeps for rollback. 5: service, the account and socket of a served root (an older
        /// CodeEnv must not work on a served root's files as if it were direct). 6: service.limits, what one caller may spend
        /// of the service (absent: every limit at its default). A root whose
        /// codeenv.json is older is migrated as a whole by <see cref="RootMigration"/>, so an older CodeEnv meets a
        /// clear "written by a newer CodeEnv" instead of a field it does not know.
        /// </summary>
        public static readonly DocumentSchema Settings = new DocumentSchema("root settings", "RootSettingsFile", NothingToChange, NothingToChange, NothingToChange, NothingToChange, NothingToChange);

        /// <summary>&lt;root&gt;/history/&lt;rev&gt;.json. 2: the settings are under "definition", as an env's are.</summary>
        public static readonly DocumentSchema SettingsHistory = new DocumentSchema("root history", "RootHistoryFile", record =>
        {
            var settings = record["settings"];
            record.Remove("settings");
            if (settings is JObject)
            {
                record["definition"] = settings;
                Nested(record, "definition", Settings, 1);
            }
        });

        /// <summary>consumers.json of an env: who declared that they depend on it (Add-CodeEnvConsumer).</summary>
        public static readonly DocumentSchema Consumers = new DocumentSchema("declared consumers", "ConsumersFile");

        /// <summary>usages/&lt;kind&gt;.&lt;user&gt;.json of an env: the last time CodeEnv started its python for that user.</summary>
        public static readonly DocumentSchema Usage = new DocumentSchema("recorded usage", "UsageFile");

        /// <summary>status.json: an env's lifecycle state. 2: the disk use of the current and the kept venvs.</summary>
        public static readonly DocumentSchema Status = new DocumentSchema("environment status", "StatusFile", NothingToChange);

        /// <summary>
        /// installed.json, and the record of each venv generation (venvs/&lt;n&gt;.installed.json) and each installed revision
        /// (installed/&lt;rev&gt;.json): the exact set an install left. 2: venvSizeBytes. 3: each package's artifact (file,
        /// source and sha256), absent where unknown.
        /// </summary>
        public static readonly DocumentSchema Installed = new DocumentSchema("installed set", "InstalledFile", NothingToChange, NothingToChange);

        /// <summary>freeze.json: an env frozen at a revision (Lock-CodeEnv).</summary>
        public static readonly DocumentSchema Freeze = new DocumentSchema("freeze record", "FreezeFile");

        /// <summary>archive.json: an env archived (Disable-CodeEnv).</summary>
        public static readonly DocumentSchema Archive = new DocumentSchema("archive record", "ArchiveFile");

        /// <summary>
        /// Export-CodeEnv's file. 2: the definition is embedded whole under "definition" instead of copied field by
        /// field beside the export's own fields. 3: the lock's packages carry their artifacts (file, source, sha256).
        /// </summary>
        public static readonly DocumentSchema Export = new DocumentSchema("exported environment", "ExportFile", EmbedDefinition, NothingToChange);

        private static readonly string[] DefinitionFieldsOfExport1 =
        {
            "name", "python", "description", "owner", "usableByAll", "groupPermissions", "requestedPackages", "packageSets", "jupyterSupport", "containers",
        };

        /// <summary>A version that only added an optional field: older files read as they are.</summary>
        private static void NothingToChange(JObject document)
        {
        }

        private static void WithoutState(JObject definition)
        {
            definition.Remove("state");
            definition.Remove("stateDetail");
        }

        private static void Nested(JObject record, string property, DocumentSchema schema, int version)
        {
            if (record[property] is JObject nested)
            {
                var nestedVersion = nested["schemaVersion"]?.Type == JTokenType.Integer ? nested.Value<int>("schemaVersion") : version;
                schema.Upgrade(nested, nestedVersion);
            }
        }

        private static void EmbedDefinition(JObject export)
        {
            var definition = new JObject { ["schemaVersion"] = Definition.Current };
            foreach (var field in DefinitionFieldsOfExport1)
            {
                if (export[field] is JToken value)
                {
                    definition[field] = value;
                    export.Remove(field);
                }
            }

            export["definition"] = definition;
        }
    }
}
