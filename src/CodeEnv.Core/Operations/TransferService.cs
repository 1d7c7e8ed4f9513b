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
    /// <summary>Moves envs between roots (Export-CodeEnv, Import-CodeEnv) and into container images.</summary>
    public sealed class TransferService : ITransferService
    {
        private readonly EngineContext context;
        private readonly LifecycleService lifecycle;

        internal TransferService(EngineContext context, LifecycleService lifecycle)
        {
            this.context = context;
            this.lifecycle = lifecycle;
        }

        /// <summary>Writes the env's definition and lock to <paramref name="path"/> as a portable file.</summary>
        public void Export(string name, string path)
        {
            var definition = context.Read(name);
            var document = new EnvironmentExport
            {
                SchemaVersion = DocumentSchemas.Export.Current,
                ExportedAt = context.Clock.UtcNow,
                ExportedBy = context.Caller.UserName,
                SourceRoot = context.Paths.Root,
                Definition = definition,
                BasePackages = context.Settings().BasePackages,
                Lock = context.Store.ReadInstalled(definition.Name)?.Packages,
            };
            SchemaFile.Write(path, document);
        }

        /// <summary>
        /// Creates <paramref name="newName"/> with the definition of <paramref name="name"/> (its Python, lines, sets,
        /// Jupyter support, container selection and description), owned by the caller; with <paramref name="locked"/>,
        /// pip keeps to exactly the versions the source's last successful update installed.
        /// </summary>
        public Task<EnvironmentInfo> CopyAsync(string name, string newName, bool locked, IOperationReporter reporter, CancellationToken cancellation)
        {
            var source = context.Read(name);
            AccessPolicy.Require(source, context.Settings(), context.Caller, EnvironmentRight.Use, "copy");
            RegisteredVenvs.RequireManaged(source, "Copy-CodeEnv");
            var installed = context.Store.ReadInstalled(source.Name);
            if (locked && installed == null)
            {
                throw new CodeEnvException(ErrorKind.InvalidOperation, "EnvironmentNeverUpdated", $"The env '{source.Name}' has no installed set yet: no update has succeeded, so -Locked has no versions to keep to. Run Update-CodeEnv -Name {source.Name} first, or copy without -Locked.", source.Name);
            }

            return lifecycle.CreateAsync(
                new NewEnvironmentRequest
                {
                    Name = newName,
                    PythonVersion = File.Exists(source.Python.Interpreter) ? null : source.Python.Version,
                    InterpreterPath = File.Exists(source.Python.Interpreter) ? source.Python.Interpreter : null,
                    Description = source.Description,
                    Requirements = source.RequestedPackages,
                    PackageSets = source.PackageSets,
                    JupyterSupport = source.JupyterSupport,
                    ContainerSelection = source.Containers.Mode,
                    ContainerConfigs = source.Containers.Configs,
                    Constraints = locked
                        ? installed!.Packages.Where(p => !Packages.InstalledSetCheck.VenvTooling.Contains(PackageName.Normalize(p.Name))).Select(p => $"{p.Name}=={p.Version}").ToList()
                        : new List<string>(),
                },
                reporter,
                cancellation);
        }

        /// <summary>Creates an env from an exported document; with <paramref name="locked"/> pip keeps to the exported versions.</summary>
        public Task<EnvironmentInfo> ImportAsync(string path, string? newName, bool locked, IOperationReporter reporter, CancellationToken cancellation)
        {
            RequireExportFile(path);

            var document = SchemaFile.Read<EnvironmentExport>(path, DocumentSchemas.Export);
            var exported = document.Definition;
            if (locked && document.Lock == null)
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "ExportHasNoLock", $"'{path}' has no lock: the env '{exported.Name}' had never been updated successfully when it was exported. Import it without -Locked.", path);
            }

            ImportedEnvironment.ValidateFields(document);
            var constraints = locked ? ImportedEnvironment.Constraints(document, path) : new List<string>();
            var version = string.Join(".", (exported.Python.Version ?? "").Split('.').Take(2));
            var settings = context.Settings();
            var request = new NewEnvironmentRequest
            {
                Name = string.IsNullOrEmpty(newName) ? exported.Name : newName!,
                PythonVersion = version,
                Description = exported.Description,
                Requirements = exported.RequestedPackages,
                JupyterSupport = exported.JupyterSupport,
                ContainerSelection = exported.Containers.Mode,
                ContainerConfigs = exported.Containers.Configs.Where(c => settings.FindContainerConfig(c) != null).ToList(),
                Imported = document,
                Constraints = constraints,
            };
            var dropped = exported.Containers.Configs.Except(request.ContainerConfigs, StringComparer.OrdinalIgnoreCase).ToList();
            if (dropped.Count > 0)
            {
                reporter.Warning($"This root has no container config {string.Join(", ", dropped)}; the imported env does not select it.");
                if (request.ContainerSelection == ContainerSelectionMode.Selected && request.ContainerConfigs.Count == 0)
                {
                    request.ContainerSelection = ContainerSelectionMode.None;
                }
            }

            return lifecycle.CreateAsync(request, reporter, cancellation);
        }

        /// <summary>Writes a container build context for the env in the config's image.</summary>
        public IReadOnlyList<string> ExportContainerFile(string name, string configName, string folder)
        {
            var environment = context.Info(context.Read(name));
            var settings = context.Settings();
            var config = settings.FindContainerConfig(configName) ?? throw ContainerSelections.Missing(configName, settings);
            if (!config.Includes(environment))
            {
                throw new CodeEnvException(
                    ErrorKind.OperationFailed,
                    "ContainerConfigNotSelected",
                    $"The env '{environment.Name}' is not included in the container config '{config.ConfigName}' (its selection is {environment.ContainerSelection}). Include it with Set-CodeEnv -Name {environment.Name} -ContainerSelection Selected -ContainerConfig {config.ConfigName}.",
                    environment.Name);
            }

            var installed = context.Store.ReadInstalled(environment.Name)
                ?? throw new CodeEnvException(
                    ErrorKind.OperationFailed,
                    "EnvironmentNeverUpdated",
                    $"The env '{environment.Name}' has no lock yet: no update has succeeded, so there is no exact set to reproduce. Run Update-CodeEnv -Name {environment.Name} first.",
                    environment.Name);
            RequireEmptyContextFolder(folder);

            settings.Root = context.Paths.Root;
            return BuildContext.Write(environment, installed, config, settings, folder);
        }

        /// <summary>The file an import reads must be a regular file: checked where it is read (the caller's process on a served root).</summary>
        internal static void RequireExportFile(string path)
        {
            if (Directory.Exists(path) || (File.Exists(path) && !FileKind.IsRegularFile(path)))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "ExportFileInvalid", $"'{path}' is not a regular file. Give the path of a file written by Export-CodeEnv.", path);
            }
        }

        /// <summary>A build context goes into a new or empty folder only: checked where it is written.</summary>
        internal static void RequireEmptyContextFolder(string folder)
        {
            if (File.Exists(folder) || (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any()))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "ContainerContextFolderNotEmpty", $"'{folder}' is not an empty folder; give a new or empty folder for the build context, so no other file is sent to the container build.", folder);
            }
        }
    }
}
