using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Store
{
    /// <summary>
    /// The only code that reads or writes <c>env.json</c> and <c>history/</c>. Callers hold the env's lock for
    /// every write; the store refuses a write whose base revision is no longer the one on disk.
    /// </summary>
    public sealed class EnvironmentStore
    {
        private const string What = "environment definition";
        private const string IdPrefix = "EnvironmentFile";

        private readonly RootPaths paths;

        public EnvironmentStore(RootPaths paths)
        {
            this.paths = paths;
        }

        /// <summary>The names of the envs in the root: folders of envs/ that hold an env.json.</summary>
        public IReadOnlyList<string> Names()
        {
            if (!Directory.Exists(paths.EnvsFolder))
            {
                return Array.Empty<string>();
            }

            return Directory.EnumerateDirectories(paths.EnvsFolder)
                .Select(Path.GetFileName)
                .Where(name => EnvironmentName.Problem(name) == null && File.Exists(paths.EnvFile(name!)))
                .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                .ToList()!;
        }

        /// <summary>The stored spelling of <paramref name="name"/> (matched case-insensitively), or null when no env has it.</summary>
        public string? CanonicalName(string name)
        {
            if (EnvironmentName.Problem(name) != null)
            {
                return null;
            }

            if (File.Exists(paths.EnvFile(name)))
            {
                return name;
            }

            var claimed = ReadClaim(name)?.Name;
            if (claimed != null && File.Exists(paths.EnvFile(claimed)))
            {
                return claimed;
            }

            return Names().FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        }

        public bool Exists(string canonicalName) => File.Exists(paths.EnvFile(canonicalName));

        public EnvironmentDefinition Read(string canonicalName)
        {
            RefuseLinkedFolder(canonicalName);
            var path = paths.EnvFile(canonicalName);
            var definition = SchemaFile.Read<EnvironmentDefinition>(path, EnvironmentDefinition.CurrentSchemaVersion, What, IdPrefix);
            if (!string.Equals(definition.Name, canonicalName, StringComparison.Ordinal))
            {
                throw new CodeEnvException(
                    ErrorKind.InvalidData,
                    IdPrefix + "Damaged",
                    $"The {What} file '{path}' is damaged: it names the env '{definition.Name}' but lies in the folder '{canonicalName}'. Restore it from history/ or a backup.",
                    path);
            }

            return definition;
        }

        /// <summary>
        /// Saves a new revision: the history record first, then env.json, so every revision env.json ever showed is
        /// in history/. <paramref name="definition"/>'s revision must be one more than the stored one.
        /// </summary>
        public void WriteRevision(EnvironmentDefinition definition, HistoryRecord record)
        {
            var name = definition.Name;
            if (Exists(name))
            {
                var stored = Read(name).Revision;
                if (stored != definition.Revision - 1)
                {
                    throw new CodeEnvException(
                        ErrorKind.InvalidData,
                        "CodeEnvRevisionConflict",
                        $"The env '{name}' changed while this change was prepared (it is now at revision {stored}, the change was based on revision {definition.Revision - 1}). Read it again and repeat the change.",
                        name);
                }
            }

            Directory.CreateDirectory(paths.HistoryFolder(name));
            SchemaFile.Write(paths.HistoryFile(name, definition.Revision), record);
            SchemaFile.Write(paths.EnvFile(name), definition);
        }

        /// <summary>
        /// An env folder that is a symlink could point anywhere (outside the root, at another env); working through it
        /// would read, change or delete what CodeEnv does not own. Only a machine administrator should resolve it.
        /// </summary>
        public void RefuseLinkedFolder(string canonicalName)
        {
            var folder = new DirectoryInfo(paths.EnvFolder(canonicalName));
            if (PlantedLinks.IsLink(folder.FullName))
            {
                throw new CodeEnvException(
                    ErrorKind.InvalidData,
                    "EnvironmentFolderIsLink",
                    $"The env folder '{folder.FullName}' is a symbolic link, not a folder of the root; CodeEnv will not read, change or remove what it points to. Remove the link by hand (rm '{folder.FullName}') and restore the env from a backup.",
                    folder.FullName);
            }

            foreach (var (path, what) in new[]
            {
                (paths.EnvsFolder, "The root's envs folder"),
                (paths.EnvFile(canonicalName), "The env's definition"),
                (paths.InstalledFile(canonicalName), "The env's installed.json"),
                (paths.LogsFolder(canonicalName), "The env's logs folder"),
                (paths.HistoryFolder(canonicalName), "The env's history folder"),
                (paths.VenvFolder(canonicalName), "The env's venv"),
                (Python.VenvLayout.ScriptsFolder(paths.VenvFolder(canonicalName)), "The venv's scripts folder"),
            })
            {
                PlantedLinks.Refuse(path, what);
            }
        }

        /// <summary>The env's installed.json, or null when no update has succeeded yet.</summary>
        public InstalledLock? ReadInstalled(string canonicalName)
        {
            var path = paths.InstalledFile(canonicalName);
            return File.Exists(path) ? SchemaFile.Read<InstalledLock>(path, InstalledLock.CurrentSchemaVersion, "installed set", "InstalledFile") : null;
        }

        public void WriteInstalled(InstalledLock installed) => SchemaFile.Write(paths.InstalledFile(installed.Name), installed);

        /// <summary>Records a new lifecycle state; state is not part of the definition, so no revision is made.</summary>
        public void WriteState(EnvironmentDefinition definition)
        {
            var stored = Read(definition.Name).Revision;
            if (stored != definition.Revision)
            {
                throw new CodeEnvException(
                    ErrorKind.InvalidData,
                    "CodeEnvRevisionConflict",
                    $"The env '{definition.Name}' is at revision {stored}, not {definition.Revision}; its state was not changed.",
                    definition.Name);
            }

            SchemaFile.Write(paths.EnvFile(definition.Name), definition);
        }

        public NameClaim? ReadClaim(string name)
        {
            var path = paths.NameClaimFile(name);
            try
            {
                return File.Exists(path) ? Json.Deserialize<NameClaim>(File.ReadAllText(path)) : null;
            }
            catch (Exception e) when (e is IOException || e is Newtonsoft.Json.JsonException || e is UnauthorizedAccessException)
            {
                // A claim torn by a crash still reserves the name; its spelling is unknown.
                return new NameClaim { Name = name };
            }
        }

        /// <summary>Creates the claim exclusively; false when the name is claimed already.</summary>
        public bool TryClaim(NameClaim claim)
        {
            Directory.CreateDirectory(paths.NamesFolder);
            try
            {
                using (var stream = new FileStream(paths.NameClaimFile(claim.Name), FileMode.CreateNew, FileAccess.Write, FileShare.None))
                using (var writer = new StreamWriter(stream))
                {
                    writer.Write(Json.Serialize(claim));
                    writer.Flush();
                    stream.Flush(flushToDisk: true);
                }

                return true;
            }
            catch (IOException) when (File.Exists(paths.NameClaimFile(claim.Name)))
            {
                return false;
            }
        }

        public void ReleaseClaim(string name)
        {
            var path = paths.NameClaimFile(name);
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
    }
}
