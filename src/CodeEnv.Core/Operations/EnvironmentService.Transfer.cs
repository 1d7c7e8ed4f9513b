using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Containers;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    public sealed partial class EnvironmentService
    {
        /// <summary>The env's definition and lock as a portable document.</summary>
        public EnvironmentExport Export(string name)
        {
            var environment = Get(name);
            var definition = environment.Definition;
            return new EnvironmentExport
            {
                ExportedAt = clock.UtcNow,
                ExportedBy = identity.Current().UserName,
                SourceRoot = paths.Root,
                Name = definition.Name,
                Python = new PythonSelection { Version = definition.Python.Version },
                Description = definition.Description,
                Owner = definition.Owner,
                UsableByAll = definition.UsableByAll,
                GroupPermissions = definition.GroupPermissions,
                RequestedPackages = definition.RequestedPackages,
                PackageSets = definition.PackageSets,
                JupyterSupport = definition.JupyterSupport,
                Containers = definition.Containers,
                BasePackages = Settings().BasePackages,
                Lock = store.ReadInstalled(environment.Name)?.Packages,
            };
        }

        public static void WriteExport(EnvironmentExport document, string path) => SchemaFile.Write(path, document);

        /// <summary>Creates an env from an exported document; with <paramref name="locked"/> pip keeps to the exported versions.</summary>
        public Task<Environment> ImportAsync(string path, string? newName, bool locked, IOperationReporter reporter, CancellationToken cancellation)
        {
            if (Directory.Exists(path) || (File.Exists(path) && !FileKind.IsRegularFile(path)))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "ExportFileInvalid", $"'{path}' is not a regular file. Give the path of a file written by Export-CodeEnv.", path);
            }

            var document = SchemaFile.Read<EnvironmentExport>(path, EnvironmentExport.CurrentSchemaVersion, "exported environment", "ExportFile");
            if (locked && document.Lock == null)
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "ExportHasNoLock", $"'{path}' has no lock: the env '{document.Name}' had never been updated successfully when it was exported. Import it without -Locked.", path);
            }

            ImportedEnvironment.ValidateFields(document);
            var constraints = locked ? ImportedEnvironment.Constraints(document, path) : new List<string>();
            var version = string.Join(".", (document.Python.Version ?? "").Split('.').Take(2));
            var settings = Settings();
            var request = new NewEnvironmentRequest
            {
                Name = string.IsNullOrEmpty(newName) ? document.Name : newName!,
                PythonVersion = version,
                Description = document.Description,
                Requirements = document.RequestedPackages,
                JupyterSupport = document.JupyterSupport,
                ContainerSelection = document.Containers.Mode,
                ContainerConfigs = document.Containers.Configs.Where(c => settings.FindContainerConfig(c) != null).ToList(),
                Imported = document,
                Constraints = constraints,
            };
            var dropped = document.Containers.Configs.Except(request.ContainerConfigs, StringComparer.OrdinalIgnoreCase).ToList();
            if (dropped.Count > 0)
            {
                reporter.Warning($"This root has no container config {string.Join(", ", dropped)}; the imported env does not select it.");
                if (request.ContainerSelection == ContainerSelectionMode.Selected && request.ContainerConfigs.Count == 0)
                {
                    request.ContainerSelection = ContainerSelectionMode.None;
                }
            }

            return CreateAsync(request, reporter, cancellation);
        }

        /// <summary>Writes a container build context for the env in the config's image.</summary>
        public IReadOnlyList<string> ExportContainerFile(string name, string configName, string folder)
        {
            var environment = Get(name);
            var settings = Settings();
            var config = settings.FindContainerConfig(configName) ?? throw ContainerConfigMissing(configName, settings);
            if (!config.Includes(environment.Definition.Containers))
            {
                throw new CodeEnvException(
                    ErrorKind.OperationFailed,
                    "ContainerConfigNotSelected",
                    $"The env '{environment.Name}' is not included in the container config '{config.ConfigName}' (its selection is {environment.Definition.Containers.Mode}). Include it with Set-CodeEnv -Name {environment.Name} -ContainerSelection Selected -ContainerConfig {config.ConfigName}.",
                    environment.Name);
            }

            var installed = store.ReadInstalled(environment.Name)
                ?? throw new CodeEnvException(
                    ErrorKind.OperationFailed,
                    "EnvironmentNeverUpdated",
                    $"The env '{environment.Name}' has no lock yet: no update has succeeded, so there is no exact set to reproduce. Run Update-CodeEnv -Name {environment.Name} first.",
                    environment.Name);
            if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "ContainerContextFolderNotEmpty", $"'{folder}' is not an empty folder; give a new or empty folder for the build context, so no other file is sent to the container build.", folder);
            }

            settings.Root = paths.Root;
            return BuildContext.Write(environment, installed, config, settings, folder);
        }
    }
}
