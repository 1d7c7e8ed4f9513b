using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Store
{
    /// <summary>
    /// The only code that reads or writes an env's files: env.json and history/ (through <see cref="RevisionedStore{TDocument}"/>),
    /// status.json, installed.json and the name claims. Callers hold the env's lock for every write.
    /// </summary>
    internal sealed class EnvironmentStore
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

        /// <summary>The env's definition and its history.</summary>
        public RevisionedStore<EnvironmentDefinition> Definitions(string canonicalName) =>
            new RevisionedStore<EnvironmentDefinition>(paths.EnvFile(canonicalName), paths.HistoryFolder(canonicalName), DocumentSchemas.Definition, DocumentSchemas.DefinitionHistory);

        public EnvironmentDefinition Read(string canonicalName)
        {
            RefuseLinkedFolder(canonicalName);
            var path = paths.EnvFile(canonicalName);
            var definition = Definitions(canonicalName).Read();
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
        /// The env's lifecycle state. An env whose status.json is missing (deleted by hand) is Outdated: its venv is
        /// not known to match, and the next update decides.
        /// </summary>
        public EnvironmentStatus ReadStatus(string canonicalName)
        {
            var path = paths.StatusFile(canonicalName);
            try
            {
                // Read without asking first: listing 10,000 envs reads 10,000 of these, and nearly all exist.
                return SchemaFile.Read<EnvironmentStatus>(path, DocumentSchemas.Status);
            }
            catch (CodeEnvException e) when (e.Kind == ErrorKind.NotFound)
            {
                return new EnvironmentStatus { State = EnvironmentState.Outdated, Detail = $"'{path}' is missing, so whether the venv matches is not known; Update-CodeEnv decides." };
            }
        }

        /// <summary>Records a lifecycle state; it is not part of the definition, so no revision is made.</summary>
        public void WriteStatus(string canonicalName, EnvironmentStatus status)
        {
            status.SchemaVersion = DocumentSchemas.Status.Current;
            SchemaFile.Write(paths.StatusFile(canonicalName), status);
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
                    ErrorIds.EnvironmentFolderIsLink,
                    $"The env folder '{folder.FullName}' is a symbolic link, not a folder of the root; CodeEnv will not read, change or remove what it points to. Remove the link by hand (rm '{folder.FullName}') and restore the env from a backup.",
                    folder.FullName);
            }

            foreach (var (path, what) in new[]
            {
                (paths.EnvsFolder, "The root's envs folder"),
                (paths.EnvFile(canonicalName), "The env's definition"),
                (paths.InstalledFile(canonicalName), "The env's installed.json"),
                (paths.StatusFile(canonicalName), "The env's status.json"),
                (paths.LogsFolder(canonicalName), "The env's logs folder"),
                (paths.HistoryFolder(canonicalName), "The env's history folder"),
                (paths.InstalledHistoryFolder(canonicalName), "The env's installed folder"),
                (paths.GenerationsFolder(canonicalName), "The env's venvs folder"),
            })
            {
                PlantedLinks.Refuse(path, what);
            }

            // The stable venv path is a link CodeEnv makes, to a generation's entry points; any other link is planted.
            var venv = paths.VenvFolder(canonicalName);
            var generation = StableVenvLink.GenerationOf(venv);
            if (generation == null)
            {
                PlantedLinks.Refuse(venv, "The env's venv");
                PlantedLinks.Refuse(VenvLayout.ScriptsFolder(venv), "The venv's scripts folder");
            }
            else
            {
                PlantedLinks.Refuse(paths.GenerationFolder(canonicalName, generation.Value), "The env's venv generation");
                PlantedLinks.Refuse(paths.GenerationEntry(canonicalName, generation.Value), "The env's venv entry points");
                PlantedLinks.Refuse(VenvLayout.ScriptsFolder(paths.GenerationFolder(canonicalName, generation.Value)), "The venv's scripts folder");
            }
        }

        /// <summary>The env's installed.json, or null when no update has succeeded yet.</summary>
        public InstalledLock? ReadInstalled(string canonicalName)
        {
            var path = paths.InstalledFile(canonicalName);
            return File.Exists(path) ? SchemaFile.Read<InstalledLock>(path, DocumentSchemas.Installed) : null;
        }

        /// <summary>Writes installed.json, and the same set as the one installed for its definition revision (installed/&lt;rev&gt;.json).</summary>
        public void WriteInstalled(InstalledLock installed)
        {
            installed.SchemaVersion = DocumentSchemas.Installed.Current;
            Directory.CreateDirectory(paths.InstalledHistoryFolder(installed.Name));
            SchemaFile.Write(paths.InstalledHistoryFile(installed.Name, installed.Revision), installed);
            SchemaFile.Write(paths.InstalledFile(installed.Name), installed);
        }

        /// <summary>The set that was installed for a definition revision, or null when that revision was never installed.</summary>
        public InstalledLock? ReadInstalledOf(string canonicalName, int revision)
        {
            var path = paths.InstalledHistoryFile(canonicalName, revision);
            return File.Exists(path) ? SchemaFile.Read<InstalledLock>(path, DocumentSchemas.Installed) : null;
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
