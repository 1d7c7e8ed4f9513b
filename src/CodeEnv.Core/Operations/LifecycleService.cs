using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>An env from creation to removal: create, change its settings, update, test, use, remove.</summary>
    public sealed class LifecycleService : ILifecycleService
    {
        private readonly EngineContext context;
        private readonly Updater updater;
        private readonly Creation creation;
        private readonly HealthCheck health;
        private readonly Removal removal;
        private readonly Registration registration;
        private readonly Archiving archiving;
        private readonly ResourcePublishing resources;

        internal LifecycleService(EngineContext context, PublishUploads uploads)
        {
            resources = new ResourcePublishing(context, uploads);
            this.context = context;
            updater = new Updater(context);
            creation = new Creation(context, updater);
            health = new HealthCheck(context, updater);
            removal = new Removal(context);
            registration = new Registration(context, creation);
            archiving = new Archiving(context, updater);
        }

        internal Updater Updater => updater;

        internal Creation Creation => creation;

        /// <summary>Creates the env and, unless <see cref="NewEnvironmentRequest.NoInstall"/>, builds its venv and installs its lines.</summary>
        public Task<EnvironmentInfo> CreateAsync(NewEnvironmentRequest request, IProgress<OperationReport>? progress, CancellationToken cancellation) => creation.CreateAsync(request, ProgressReporter.For(progress), cancellation);

        /// <summary>
        /// Lists the venv at <paramref name="path"/> as an env CodeEnv does not manage: package commands and updates
        /// refuse it, removal forgets it and leaves its folder alone.
        /// </summary>
        public Task<EnvironmentInfo> RegisterAsync(string name, string path, string? description, IProgress<OperationReport>? progress, CancellationToken cancellation) => registration.RegisterAsync(name, path, description, ProgressReporter.For(progress), cancellation);

        /// <summary>
        /// Set-CodeEnv: description, owner, usable-by-all, Jupyter support and container selection, in one revision.
        /// Each changed field needs its own right (<see cref="DefinitionField.RightToChange"/>); a value that equals the
        /// stored one changes nothing and needs nothing beyond UpdatePackages.
        /// </summary>
        public Task<EnvironmentInfo> SetAsync(string name, EnvironmentSettingsChange change, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run<EnvironmentInfo>(() =>
            {
                var reporter = ProgressReporter.For(progress);
                EnvironmentDescription.Validate(change.Description);
                var settings = context.Settings();
                // Selecting container configs holds the root's lock (before the env's, as Remove-CodeEnvContainerConfig does),
                // so a config cannot be removed between this check and the write.
                using (change.ContainerSelection == null ? null : context.RootLock(settings, "Set-CodeEnv"))
                {
                    var containers = change.ContainerSelection == null ? null : ContainerSelections.Valid(change.ContainerSelection.Value, change.ContainerConfigs, context.Settings());
                    var changed = context.Transaction.Apply(name, "Set-CodeEnv", EnvironmentRight.UpdatePackages, (definition, current, caller) =>
                    {
                        // The owner piped from Get-CodeEnv is the stored one: it changes nothing, so it is not checked again
                        // (its account may have been deleted since; the env must still take every other change).
                        if (change.Owner != null && !string.Equals(change.Owner, definition.Owner, StringComparison.Ordinal))
                        {
                            AccessPolicy.RequireOwnerTransfer(definition, current, caller, change.Owner, "");
                            OwnerAccount.RequireExisting(change.Owner, definition.Name);
                            definition.Owner = change.Owner;
                        }

                        definition.Description = change.Description ?? definition.Description;
                        definition.UsableByAll = change.UsableByAll ?? definition.UsableByAll;
                        if (change.JupyterSupport != null)
                        {
                            PackageListEditor.SetJupyterSupport(definition, change.JupyterSupport.Value);
                        }

                        var dockerfile = change.ContainerDockerfile?.Copy() ?? definition.Containers.Dockerfile;
                        definition.Containers = containers ?? definition.Containers;
                        definition.Containers.Dockerfile = dockerfile;
                        RuntimeChange.Apply(definition, change);
                    }, reporter, cancellation);
                    // Only the names of secret variables are in the revision; their values are kept once it is saved.
                    RuntimeChange.KeepSecrets(context.Paths, changed.Name, change);
                    return changed;
                }
            }, cancellation);

        /// <summary>
        /// Saves and updates: makes the venv hold the env's base and requested lines, running pip only when the installed
        /// set does not already satisfy them. Success records installed.json and marks the env Ready; a failure keeps the
        /// lists and marks it Failed; a stop marks it Outdated.
        /// </summary>
        public Task<EnvironmentInfo> UpdateAsync(string name, UpdateOptions options, IProgress<OperationReport>? progress, CancellationToken cancellation) => updater.UpdateAsync(name, options, ProgressReporter.For(progress), cancellation);

        /// <summary>Checks the interpreter, the venv, every line, the dependencies and the drift from installed.json; changes nothing.</summary>
        public Task<HealthReport> TestAsync(string name, bool verifyFiles, CancellationToken cancellation) => health.RunAsync(name, verifyFiles, cancellation);

        /// <summary>Removes the env and its venv; the owner's right.</summary>
        public Task RemoveAsync(string name, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation) => Task.Run(() => removal.Run(name, force, ProgressReporter.For(progress), cancellation), cancellation);

        /// <summary>
        /// Disable-CodeEnv: archives the env (the owner's right, as removing it is): its kernel spec goes, new use is refused,
        /// its definition, history and lock stay; its venvs are deleted unless <paramref name="keepVenv"/>.
        /// </summary>
        public Task<EnvironmentInfo> DisableAsync(string name, bool keepVenv, IProgress<OperationReport>? progress, CancellationToken cancellation) => Task.Run(() => archiving.Archive(name, keepVenv, ProgressReporter.For(progress), cancellation), cancellation);

        /// <summary>Enable-CodeEnv: brings an archived env back, its venv rebuilt from its lock when it was deleted, its kernel spec written again.</summary>
        public Task<EnvironmentInfo> EnableAsync(string name, IProgress<OperationReport>? progress, CancellationToken cancellation) => archiving.RestoreAsync(name, ProgressReporter.For(progress), cancellation);

        public Task<string> BeginResourceAsync(string name, string resourcePath, long length, CancellationToken cancellation) =>
            Task.Run(() => resources.Begin(name, resourcePath, length), cancellation);

        public Task ResourceChunkAsync(string name, string uploadId, byte[] content, CancellationToken cancellation) =>
            Task.Run(() => resources.Write(uploadId, content), cancellation);

        public Task<EnvironmentResource> EndResourceAsync(string name, string resourcePath, string uploadId, CancellationToken cancellation) =>
            Task.Run(() => resources.End(name, resourcePath, uploadId), cancellation);

        /// <summary>The env's variables with its secrets, once the caller is known to have Use on it.</summary>
        public Task<IReadOnlyDictionary<string, string>> RunVariablesAsync(string name, CancellationToken cancellation) =>
            Task.Run(() =>
            {
                var definition = context.Read(name);
                AccessPolicy.Require(definition, context.Settings(), context.Caller, EnvironmentRight.Use, "use");
                return RuntimeEnvironment.WithSecrets(context.Paths, definition);
            }, cancellation);

        /// <summary>
        /// The env, once the caller is known to have Use on it and it has a python to start: Invoke-CodeEnvPython then
        /// starts that python in the caller's own process, as the caller, on either kind of root.
        /// </summary>
        public Task<EnvironmentInfo> UsableAsync(string name, string? target, CancellationToken cancellation) =>
            Task.Run<EnvironmentInfo>(() =>
            {
                var definition = context.Read(name);
                AccessPolicy.Require(definition, context.Settings(), context.Caller, EnvironmentRight.Use, "use");
                Archiving.RequireActive(context, definition.Name, "starting its python");
                var environment = context.Info(definition);
                if (!File.Exists(environment.PythonPath))
                {
                    throw new CodeEnvException(
                        ErrorIds.VenvMissing,
                        $"The env '{environment.Name}' has no venv yet ({environment.State}); Update-CodeEnv -Name {environment.Name} builds it.",
                        environment.Name);
                }

                UsageRecorder.Record(context, environment.Name, target);
                return environment;
            }, cancellation);
    }
}
