using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>What every service of one root shares: where the root is, who calls, the clock, processes, the store and its locks.</summary>
    internal sealed class EngineContext
    {
        public EngineContext(RootPaths paths, IIdentityProvider identity, IClock clock, IProcessRunner processes, IInterpreterDiscovery interpreters)
        {
            Paths = paths;
            Identity = identity;
            Clock = clock;
            Processes = processes;
            Interpreters = interpreters;
            Store = new EnvironmentStore(paths);
            Trash = new Trash(paths);
            Locks = new EnvironmentLocks(paths, Store, identity, clock, Trash);
            Transaction = new EnvironmentTransaction(this);
            KernelSpecs = new KernelSpecs(paths);
            Generations = new VenvGenerations(paths);
            Marks = new EnvironmentMarks(paths);
            // setfacl is the service's own tool on the root, never a user's program: the sandbox (which hides the root) must not wrap it.
            Access = new EnvFolderAccess(paths, SystemProcessRunner.Instance);
            // A root written by an older CodeEnv is brought up to date before anything reads it.
            if (RootMigration.IsNeeded(paths))
            {
                RootMigration.Run(paths);
            }
        }

        public RootPaths Paths { get; }

        public IIdentityProvider Identity { get; }

        public IClock Clock { get; }

        public IProcessRunner Processes { get; }

        public IInterpreterDiscovery Interpreters { get; }

        public EnvironmentStore Store { get; }

        public EnvironmentLocks Locks { get; }

        public Trash Trash { get; }

        public EnvironmentTransaction Transaction { get; }

        public KernelSpecs KernelSpecs { get; }

        public VenvGenerations Generations { get; }

        /// <summary>Frozen and archived: the marks an env carries beside its definition.</summary>
        public EnvironmentMarks Marks { get; }

        /// <summary>Who the OS lets into each env folder, on a served root.</summary>
        public EnvFolderAccess Access { get; }

        /// <summary>Makes a new env's folder, open to exactly whom its definition allows from the start.</summary>
        public void CreateEnvFolder(EnvironmentDefinition definition, RootSettingsDocument settings)
        {
            var folder = Paths.EnvFolder(definition.Name);
            Directory.CreateDirectory(folder);
            if (settings.Service != null && !Platform.IsWindows)
            {
                UnixLinks.TryChangeMode(folder, 0x1C0);
            }

            Access.Follow(definition, settings);
        }

        public CallerIdentity Caller => Identity.Current();

        public RootSettingsDocument Settings() => RootStore.Read(Paths);

        /// <summary>How long every lock of the root is waited for: the root's setting, a negative one read as not waiting.</summary>
        public static TimeSpan LockTimeout(RootSettingsDocument settings) => TimeSpan.FromSeconds(Math.Max(0, settings.LockTimeoutSeconds));

        /// <summary>The root's lock, held where a change must see the root's settings stay as they are (container configs).</summary>
        public FileLock RootLock(RootSettingsDocument settings, string operation) => RootStore.Lock(Paths, Caller, Clock, LockTimeout(settings), operation);

        /// <summary>The stored spelling of an env's name in any letter case; ObjectNotFound when there is none.</summary>
        public string Canonical(string name)
        {
            EnvironmentName.Validate(name);
            return Store.CanonicalName(name)
                ?? throw new CodeEnvException(
                    ErrorIds.CodeEnvNotFound,
                    $"There is no environment named '{name}' in the root '{Paths.Root}'. Get-CodeEnv lists the environments there.",
                    name);
        }

        /// <summary>The env's stored definition, by any spelling of its name.</summary>
        public EnvironmentDefinition Read(string name) => Store.Read(Canonical(name));

        /// <summary>
        /// The snapshot cmdlets emit. A transient state (Creating, Updating, Removing) whose operation no longer holds
        /// the env's locks was interrupted: it is reported so, not as still running.
        /// </summary>
        /// <param name="withStateDetail">False where the caller may not read what the state's detail quotes (pip's errors).</param>
        public EnvironmentInfo Info(EnvironmentDefinition definition, bool withStateDetail = true)
        {
            var name = definition.Name;
            var status = Store.ReadStatus(name);
            var state = status.State;
            var transient = state == EnvironmentState.Creating || state == EnvironmentState.Updating || state == EnvironmentState.Removing;
            if (transient && !FileLock.IsHeld(Paths.EnvLockFile(name)) && !FileLock.IsHeld(Paths.EnvVenvLockFile(name)))
            {
                state = EnvironmentState.Interrupted;
            }

            var venv = VenvOf(definition);
            return new EnvironmentInfo(Paths.Root, Paths.EnvFolder(name), venv, VenvLayout.Python(venv), definition, state, withStateDetail ? status.Detail : null, VenvGenerations.LastStarted(venv), status.VenvSizeBytes, status.KeptVenvsSizeBytes, OutdatedImages(definition), Marks.Freeze(name), Marks.Archive(name));
        }

        /// <summary>The configs whose newest image of the env no longer reproduces it; nothing is read for an env never built into an image.</summary>
        private IReadOnlyList<string> OutdatedImages(EnvironmentDefinition definition)
        {
            if (!File.Exists(Paths.ImagesFile(definition.Name)))
            {
                return Array.Empty<string>();
            }

            var settings = Settings();
            var installedRevision = Store.ReadInstalled(definition.Name)?.Revision ?? -1;
            // The resources' stamp is a stat of each file; their bytes are read only when it differs from an image's.
            var resources = definition.RegisteredVenv == null ? Containers.ContextResources.Of(Paths.ResourcesFolder(definition.Name), Paths.ResourcesDigestFile(definition.Name)) : Containers.ContextResources.Of(null);
            return Containers.ImageRecords.Latest(Containers.ImageRecords.Read(Paths, definition.Name))
                .Where(i => Containers.ImageRecords.OutdatedReason(i, installedRevision, settings.FindContainerConfig(i.ConfigName), null, definition.Containers.Dockerfile, definition.Runtime.Variables, resources) != null)
                .Select(i => i.ConfigName)
                .ToList();
        }

        /// <summary>The env's stable venv path: its own under envs/&lt;Name&gt;/venv, or the folder Register-CodeEnv listed.</summary>
        public string VenvOf(EnvironmentDefinition definition) => definition.RegisteredVenv ?? Paths.VenvFolder(definition.Name);

        /// <summary>The real folder of the venv that serves now, which the engine reads and runs (never the stable entry points, whose use is the env's LastUsed).</summary>
        public string ServingVenv(EnvironmentDefinition definition) => definition.RegisteredVenv ?? Generations.CurrentFolder(definition.Name);

        /// <summary>Records the env's lifecycle state for the definition revision it concerns; the disk use recorded with it stays.</summary>
        public void WriteStatus(EnvironmentDefinition definition, EnvironmentState state, string? detail)
        {
            var before = System.IO.File.Exists(Paths.StatusFile(definition.Name)) ? Store.ReadStatus(definition.Name) : null;
            Store.WriteStatus(definition.Name, new EnvironmentStatus
            {
                State = state,
                Detail = detail,
                ChangedAt = Clock.UtcNow,
                Revision = definition.Revision,
                VenvSizeBytes = before?.VenvSizeBytes ?? 0,
                KeptVenvsSizeBytes = before?.KeptVenvsSizeBytes ?? 0,
            });
        }

        /// <summary>Records what the env's venvs (the generations that stay) take on disk, beside its state.</summary>
        public void WriteDiskUse(string name, IEnumerable<KeptVenv> generations)
        {
            var (current, kept) = VenvGenerations.DiskUse(generations);
            var status = Store.ReadStatus(name);
            status.VenvSizeBytes = current;
            status.KeptVenvsSizeBytes = kept;
            Store.WriteStatus(name, status);
        }

        public static CodeEnvException Unexpected(Exception failure, string name, string action) =>
            new CodeEnvException(ErrorIds.CodeEnvOperationFailed, $"Could not {action} the env '{name}': {failure.Message}", name, failure);
    }
}
