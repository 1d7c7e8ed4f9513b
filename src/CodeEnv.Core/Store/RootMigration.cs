using System;
using System.IO;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Store
{
    /// <summary>
    /// Brings a root written by an older CodeEnv up to the current layout, the first time the root is opened.
    /// Everything happens under the root's lock and each env's lock; every file is rewritten atomically and only
    /// after what it depends on (history before env.json, status.json before the env.json that drops its state,
    /// every env before codeenv.json), so a migration that is killed half-way leaves a root that reads correctly and
    /// is finished by the next run. Fields are carried over as JSON, so nothing a newer field list forgot is lost.
    /// </summary>
    internal static class RootMigration
    {
        public static bool IsNeeded(RootPaths paths) =>
            SchemaFile.VersionOf(paths.SettingsFile) is int version && version < DocumentSchemas.Settings.Current;

        public static void Run(RootPaths paths)
        {
            var timeout = TimeSpan.FromSeconds(RootSettingsDocument.DefaultLockTimeoutSeconds);
            try
            {
                using (FileLock.Acquire(paths.RootLockFile, Holder(), timeout, $"The root '{paths.Root}'", CancellationToken.None))
                {
                    if (!IsNeeded(paths))
                    {
                        return;
                    }

                    foreach (var folder in Directory.Exists(paths.EnvsFolder) ? Directory.GetDirectories(paths.EnvsFolder) : Array.Empty<string>())
                    {
                        var name = Path.GetFileName(folder);
                        if (EnvironmentName.Problem(name) != null || !File.Exists(paths.EnvFile(name)) || PlantedLinks.IsLink(folder))
                        {
                            continue;
                        }

                        using (FileLock.Acquire(paths.EnvLockFile(name), Holder(), timeout, $"The env '{name}'", CancellationToken.None))
                        {
                            MigrateEnvironment(paths, name);
                        }
                    }

                    UpgradeAll(paths.RootHistoryFolder, DocumentSchemas.SettingsHistory);
                    Upgrade(paths.SettingsFile, DocumentSchemas.Settings);
                }
            }
            catch (JsonException)
            {
                // A damaged file is left as it is; reading it then reports the damage with the file's name.
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CodeEnvException(
                    ErrorIds.RootMigrationFailed,
                    $"The root '{paths.Root}' was written by an older CodeEnv and must be brought up to date once, which failed: {e.Message}. Run any CodeEnv command on it (such as Get-CodeEnvRoot) as the account that owns the root; nothing was lost, and a migration that stops half-way is finished by the next run.",
                    paths.Root,
                    e);
            }
        }

        private static void MigrateEnvironment(RootPaths paths, string name)
        {
            var envFile = paths.EnvFile(name);
            var version = SchemaFile.VersionOf(envFile);
            if (version == null || version >= DocumentSchemas.Definition.Current)
            {
                // A damaged env.json stays as it is; reading it reports the damage with the file's name.
                return;
            }

            UpgradeAll(paths.HistoryFolder(name), DocumentSchemas.DefinitionHistory);
            var definition = JObject.Parse(File.ReadAllText(envFile));
            if (!File.Exists(paths.StatusFile(name)))
            {
                var status = new JObject
                {
                    ["schemaVersion"] = DocumentSchemas.Status.Current,
                    ["state"] = definition["state"] ?? nameof(EnvironmentState.Outdated),
                    ["changedAt"] = definition["updatedAt"],
                    ["revision"] = definition["revision"],
                };
                if (definition["stateDetail"] is JToken detail)
                {
                    status["detail"] = detail;
                }

                Write(paths.StatusFile(name), status);
            }

            DocumentSchemas.Definition.Upgrade(definition, version.Value);
            Write(envFile, definition);
        }

        private static void UpgradeAll(string folder, DocumentSchema schema)
        {
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                Upgrade(file, schema);
            }
        }

        private static void Upgrade(string file, DocumentSchema schema)
        {
            if (SchemaFile.VersionOf(file) is int version && version < schema.Current)
            {
                var document = JObject.Parse(File.ReadAllText(file));
                schema.Upgrade(document, version);
                Write(file, document);
            }
        }

        private static void Write(string path, JObject document) => AtomicFile.WriteAllText(path, document.ToString(Formatting.Indented));

        private static LockHolder Holder() => LockHolder.ThisProcess("migrate the root to the current CodeEnv", System.Environment.UserName, DateTimeOffset.UtcNow);
    }
}
