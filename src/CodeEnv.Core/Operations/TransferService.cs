using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Containers;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Sbom;
using CodeEnv.Requirements;
using CodeEnv.Security;
using CodeEnv.Store;
using CodeEnv.Wheels;

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

        /// <summary>The env's definition and lock as a portable export document; the caller writes it where it wants.</summary>
        public Task<string> ExportAsync(string name, ExportFormat format, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var definition = context.Read(name);
                if (format == ExportFormat.PyLock)
                {
                    var installed = context.Store.ReadInstalled(definition.Name) ?? throw new CodeEnvException(
                        ErrorIds.EnvironmentNeverUpdated,
                        $"The env '{definition.Name}' has no installed set yet: no update has succeeded, so there is nothing to lock. Run Update-CodeEnv -Name {definition.Name} first.",
                        definition.Name);
                    return PyLockDocument.Write(installed, context.Clock.UtcNow);
                }

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
                return Json.Serialize(document);
            }, cancellation);

        /// <summary>The env's CycloneDX SBOM of the set its last successful update installed; the caller writes it where it wants.</summary>
        public Task<string> SbomAsync(string name, string specVersion, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                CycloneDxDocument.RequireSpecVersion(specVersion);
                var definition = context.Read(name);
                var installed = context.Store.ReadInstalled(definition.Name) ?? throw new CodeEnvException(
                    ErrorIds.EnvironmentNeverUpdated,
                    $"The env '{definition.Name}' has no installed set yet: no update has succeeded, so there is nothing to describe. Run Update-CodeEnv -Name {definition.Name} first.",
                    definition.Name);
                var subject = EnvironmentSbom.Of(definition, installed, context.ServingVenv(definition), context.Paths.Root);
                return CycloneDxDocument.Write(subject, specVersion, Guid.NewGuid(), context.Clock.UtcNow);
            }, cancellation);

        /// <summary>
        /// Creates <paramref name="newName"/> with the definition of <paramref name="name"/> (its Python, lines, sets,
        /// Jupyter support, container selection and description), owned by the caller; with <paramref name="locked"/>,
        /// pip keeps to exactly the versions the source's last successful update installed.
        /// </summary>
        public Task<EnvironmentInfo> CopyAsync(string name, string newName, bool locked, IProgress<OperationReport>? progress, CancellationToken cancellation)
        {
            var reporter = ProgressReporter.For(progress);
            var source = context.Read(name);
            AccessPolicy.Require(source, context.Settings(), context.Caller, EnvironmentRight.Use, "copy");
            RegisteredVenvs.RequireManaged(source, "Copy-CodeEnv");
            var installed = context.Store.ReadInstalled(source.Name);
            if (locked && installed == null)
            {
                throw new CodeEnvException(ErrorIds.EnvironmentNeverUpdated, $"The env '{source.Name}' has no installed set yet: no update has succeeded, so -Locked has no versions to keep to. Run Update-CodeEnv -Name {source.Name} first, or copy without -Locked.", source.Name);
            }

            return lifecycle.Creation.CreateAsync(
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
                        ? LockPins.Lines(installed!.Packages)
                        : new List<string>(),
                    Lock = locked ? installed!.Packages : null,
                },
                reporter,
                cancellation);
        }

        /// <summary>Creates an env from an exported document; with <paramref name="locked"/> pip keeps to the exported versions.</summary>
        public Task<EnvironmentInfo> ImportAsync(string document, string source, string? newName, bool locked, IProgress<OperationReport>? progress, CancellationToken cancellation)
        {
            var reporter = ProgressReporter.For(progress);
            var export = SchemaFile.Parse<EnvironmentExport>(document ?? "", DocumentSchemas.Export, source);
            var exported = export.Definition;
            if (locked && export.Lock == null)
            {
                throw new CodeEnvException(ErrorIds.ExportHasNoLock, $"'{source}' has no lock: the env '{exported.Name}' had never been updated successfully when it was exported. Import it without -Locked.", source);
            }

            ImportedEnvironment.ValidateFields(export);
            var constraints = locked ? ImportedEnvironment.Constraints(export, source) : new List<string>();
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
                Imported = export,
                Constraints = constraints,
                Lock = locked ? export.Lock : null,
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

            return lifecycle.Creation.CreateAsync(request, reporter, cancellation);
        }

        /// <summary>The container build context of the env in the config's image.</summary>
        public Task<IReadOnlyList<ContextFile>> ContainerContextAsync(string name, string configName, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var environment = context.Info(context.Read(name));
                var settings = context.Settings();
                var config = settings.FindContainerConfig(configName) ?? throw ContainerSelections.Missing(configName, settings);
                if (!config.Includes(environment))
                {
                    throw new CodeEnvException(
                        ErrorIds.ContainerConfigNotSelected,
                        $"The env '{environment.Name}' is not included in the container config '{config.ConfigName}' (its selection is {environment.ContainerSelection}). Include it with Set-CodeEnv -Name {environment.Name} -ContainerSelection Selected -ContainerConfig {config.ConfigName}.",
                        environment.Name);
                }

                var installed = context.Store.ReadInstalled(environment.Name)
                    ?? throw new CodeEnvException(
                        ErrorIds.EnvironmentNeverUpdated,
                        $"The env '{environment.Name}' has no lock yet: no update has succeeded, so there is no exact set to reproduce. Run Update-CodeEnv -Name {environment.Name} first.",
                        environment.Name);
                settings.Root = context.Paths.Root;
                return BuildContext.Files(environment, installed, config, settings, new PackageStore(context.Paths), ImageBuilds.ResourcesOf(context.Paths, environment));
            }, cancellation);
    }
}
