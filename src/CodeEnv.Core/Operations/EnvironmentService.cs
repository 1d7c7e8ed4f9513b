using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>Creates, reads, changes and removes the environments of one root.</summary>
    public sealed partial class EnvironmentService
    {
        private const string CreateActivity = "New-CodeEnv";

        private readonly RootPaths paths;
        private readonly IIdentityProvider identity;
        private readonly IClock clock;
        private readonly EnvironmentStore store;
        private readonly EnvironmentLocks locks;
        private readonly Trash trash;

        public EnvironmentService(RootPaths paths, IIdentityProvider identity, IClock clock)
        {
            this.paths = paths;
            this.identity = identity;
            this.clock = clock;
            store = new EnvironmentStore(paths);
            trash = new Trash(paths);
            locks = new EnvironmentLocks(paths, store, identity, clock, trash);
        }

        public RootPaths Paths => paths;

        public RootSettings Settings() => RootStore.Read(paths);

        public IReadOnlyList<string> Names() => store.Names();

        /// <summary>The env named <paramref name="name"/> in any letter case; ObjectNotFound when there is none.</summary>
        public Environment Get(string name)
        {
            var canonical = Canonical(name);
            return ToEnvironment(store.Read(canonical));
        }

        /// <summary>
        /// Reads many envs at once, in parallel (10,000 env.json files are mostly waiting on the disk), in the order
        /// given; each is the env or the error that reading it gave.
        /// </summary>
        public IReadOnlyList<(string Name, Environment? Environment, CodeEnvException? Error)> GetMany(IReadOnlyList<string> names) =>
            names.AsParallel().AsOrdered().Select(name =>
            {
                try
                {
                    return (name, Get(name), (CodeEnvException?)null);
                }
                catch (CodeEnvException e)
                {
                    return (name, (Environment?)null, e);
                }
            }).ToList();

        /// <summary>What is installed in the env's venv, read from its metadata files without starting Python.</summary>
        public IReadOnlyList<InstalledPackage> InstalledPackages(string name)
        {
            var env = Get(name);
            return InstalledPackageReader.Read(env.VenvPath, env.Name, paths.Root);
        }

        public async Task<Environment> CreateAsync(NewEnvironmentRequest request, IOperationReporter reporter, CancellationToken cancellation)
        {
            EnvironmentName.Validate(request.Name);
            EnvironmentDescription.Validate(request.Description);
            var settings = Settings();
            var caller = identity.Current();
            AccessPolicy.RequireCreator(settings, caller);
            var packages = PackagesOfNew(request, settings, caller);
            var containers = ValidSelection(request.ContainerSelection, request.ContainerConfigs, settings);
            reporter.Progress(CreateActivity, "Finding the Python interpreter", 0);
            var interpreter = await ResolveInterpreterAsync(request, settings, cancellation).ConfigureAwait(false);
            reporter.Verbose($"Using Python {interpreter.Version} at '{interpreter.Path}' ({interpreter.Source}).");
            if (!interpreter.HasDevelopmentHeaders)
            {
                reporter.Warning(DevelopmentHeadersAdvice.For(interpreter));
            }

            var name = request.Name;
            using (var held = locks.AcquireForCreation(name, settings, reporter, cancellation))
            {
                var created = false;
                try
                {
                    var now = clock.UtcNow;
                    var definition = new EnvironmentDefinition
                    {
                        Name = name,
                        Python = new PythonSelection { Version = interpreter.Version, Interpreter = interpreter.Path },
                        Description = request.Description ?? "",
                        Owner = caller.UserName,
                        RequestedPackages = packages.RequestedPackages,
                        PackageSets = packages.PackageSets,
                        JupyterSupport = request.JupyterSupport,
                        Containers = containers,
                        State = EnvironmentState.Creating,
                        CreatedBy = caller.UserName,
                        CreatedAt = now,
                        UpdatedBy = caller.UserName,
                        UpdatedAt = now,
                        Revision = 1,
                    };
                    if (request.Imported != null)
                    {
                        ImportedEnvironment.ApplyOwnership(definition, request.Imported, settings, caller, reporter);
                    }

                    Directory.CreateDirectory(paths.EnvFolder(name));
                    created = true;
                    // The selection is checked again under the root's lock as revision 1 is written, so a container config
                    // removed since the check above is not selected (see Remove-CodeEnvContainerConfig).
                    using (RootStore.Lock(paths, caller, clock, TimeSpan.FromSeconds(settings.LockTimeoutSeconds), CreateActivity))
                    {
                        definition.Containers = ValidSelection(request.ContainerSelection, request.ContainerConfigs, Settings());
                        store.WriteRevision(definition, Record(definition, null, CreateActivity));
                    }

                    if (request.NoInstall)
                    {
                        definition.State = EnvironmentState.Outdated;
                        definition.StateDetail = "Created with -NoInstall: the venv is built by the next update.";
                    }
                    else
                    {
                        using (var log = new OperationLog(paths.LogsFolder(name), "create", clock.UtcNow, reporter))
                        {
                            store.WriteInstalled(await InstallAsync(definition, settings, interpreter, new UpdateOptions { Constraints = request.Constraints }, CreateActivity, log, reporter, held.RecordChild, cancellation).ConfigureAwait(false));
                        }

                        definition.State = EnvironmentState.Ready;
                    }

                    store.WriteState(definition);
                    reporter.ProgressCompleted(CreateActivity);
                    return ToEnvironment(definition);
                }
                catch (Exception failure)
                {
                    reporter.ProgressCompleted(CreateActivity);
                    if (created)
                    {
                        reporter.Verbose($"Creating '{name}' failed; removing what was created.");
                        RemoveFolder(name, reporter);
                    }

                    store.ReleaseClaim(name);
                    if (failure is CodeEnvException)
                    {
                        throw;
                    }

                    throw Unexpected(failure, name, "create");
                }
            }
        }

        /// <summary>
        /// Applies <paramref name="change"/> to the env's definition under its lock and saves it as a new revision
        /// when anything changed. Returns the env as stored afterwards.
        /// </summary>
        public Environment Change(string name, string operation, EnvironmentRight needed, Action<EnvironmentDefinition> change, IOperationReporter reporter, CancellationToken cancellation) =>
            Change(name, operation, before => needed, change, reporter, cancellation);

        /// <summary>As <see cref="Change(string, string, EnvironmentRight, Action{EnvironmentDefinition}, IOperationReporter, CancellationToken)"/>, with the right needed decided from the stored definition.</summary>
        public Environment Change(string name, string operation, Func<EnvironmentDefinition, EnvironmentRight> needed, Action<EnvironmentDefinition> change, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = Canonical(name);
            var settings = Settings();
            using (locks.Acquire(canonical, operation, settings, reporter, cancellation))
            {
                var before = store.Read(canonical);
                AccessPolicy.Require(before, settings, identity.Current(), needed(before), $"run {operation} on");
                var after = before.Clone();
                change(after);
                var changes = DefinitionDiff.Between(before, after);
                if (changes.Count == 0)
                {
                    reporter.Verbose($"Nothing to change in '{canonical}': it stays at revision {before.Revision}.");
                    return ToEnvironment(before);
                }

                var caller = identity.Current();
                after.Revision = before.Revision + 1;
                after.UpdatedBy = caller.UserName;
                after.UpdatedAt = clock.UtcNow;
                store.WriteRevision(after, Record(after, before, operation));
                reporter.Verbose($"Saved '{canonical}' as revision {after.Revision}: {string.Join("; ", changes)}.");
                return ToEnvironment(after);
            }
        }

        /// <summary>
        /// Removes the env. Its folder is first renamed into state/trash in one step, so a removal that fails leaves
        /// either the whole env (still listed) or nothing that blocks the name.
        /// </summary>
        public void Remove(string name, IOperationReporter reporter, CancellationToken cancellation)
        {
            var canonical = Canonical(name);
            store.RefuseLinkedFolder(canonical);
            // The venv lock first: an update's pip must not be working in a venv that is being removed.
            using (locks.AcquireVenv(canonical, "Remove-CodeEnv", Settings(), reporter, cancellation))
            using (locks.Acquire(canonical, "Remove-CodeEnv", Settings(), reporter, cancellation))
            {
                EnvironmentDefinition? definition = null;
                var stateBefore = EnvironmentState.Ready;
                var settings = Settings();
                try
                {
                    definition = store.Read(canonical);
                    AccessPolicy.Require(definition, settings, identity.Current(), EnvironmentRight.Own, "remove");
                    stateBefore = definition.State;
                    definition.State = EnvironmentState.Removing;
                    store.WriteState(definition);
                }
                catch (CodeEnvException e) when (e.Kind == ErrorKind.InvalidData)
                {
                    // A damaged env.json must not make an env impossible to remove; it is not rewritten, only removed,
                    // and only by an administrator, since its owner cannot be read.
                    RootService.RequireAdministrator(settings, identity.Current(), $"remove the damaged env '{canonical}'");
                    reporter.Verbose(e.Message);
                }

                string trashed;
                try
                {
                    trashed = trash.Take(canonical);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    if (definition != null)
                    {
                        definition.State = stateBefore;
                        store.WriteState(definition);
                    }

                    throw new CodeEnvException(
                        ErrorKind.OperationFailed,
                        "CodeEnvRemoveFailed",
                        $"The env '{canonical}' could not be removed: {e.Message}. It is unchanged. Close programs that use files in '{paths.EnvFolder(canonical)}' and run Remove-CodeEnv again.",
                        canonical,
                        e);
                }

                store.ReleaseClaim(canonical);
                DeleteTrashed(trashed, reporter);
            }
        }

        /// <summary>Validates a new env's lines and sets before anything is created, with the rules of every package command.</summary>
        private static EnvironmentDefinition PackagesOfNew(NewEnvironmentRequest request, RootSettings settings, CallerIdentity caller)
        {
            var draft = new EnvironmentDefinition { Name = request.Name, JupyterSupport = request.JupyterSupport };
            var editor = new Packages.PackageListEditor(settings, Administrators.Includes(settings, caller));
            draft.RequestedPackages = editor.ValidateNew(draft, request.Requirements).ToList();
            if (request.PackageSets.Count > 0)
            {
                editor.AddSets(draft, request.PackageSets);
            }

            return draft;
        }

        private string Canonical(string name)
        {
            EnvironmentName.Validate(name);
            return store.CanonicalName(name)
                ?? throw new CodeEnvException(
                    ErrorKind.NotFound,
                    "CodeEnvNotFound",
                    $"There is no environment named '{name}' in the root '{paths.Root}'. Get-CodeEnv lists the environments there.",
                    name);
        }

        private async Task<PythonInterpreter> ResolveInterpreterAsync(NewEnvironmentRequest request, RootSettings settings, CancellationToken cancellation)
        {
            if (!string.IsNullOrEmpty(request.InterpreterPath))
            {
                var path = request.InterpreterPath!;
                if (!File.Exists(path))
                {
                    throw new CodeEnvException(
                        ErrorKind.NotFound,
                        "InterpreterNotFound",
                        $"There is no file '{path}'. Give the path of a python executable, or use -PythonVersion; Get-CodeEnvPython lists the interpreters found.",
                        path);
                }

                var inspected = await InterpreterDiscovery.InspectAsync(path, cancellation).ConfigureAwait(false)
                    ?? throw new CodeEnvException(
                        ErrorKind.InvalidArgument,
                        "InterpreterNotPython",
                        $"'{path}' is not a working Python interpreter: running it with -c did not report a Python version. Give the path of a python executable; Get-CodeEnvPython lists the interpreters found.",
                        path);
                if (!inspected.SupportsVenv)
                {
                    throw new CodeEnvException(
                        ErrorKind.InvalidArgument,
                        "InterpreterCannotCreateVenv",
                        $"Python {inspected.Version} at '{inspected.Path}' cannot create virtual environments: its venv or ensurepip module is missing"
                        + (inspected.Version.StartsWith("2.", StringComparison.Ordinal) ? " (Python 2 has no venv)" : $" (on Debian and Ubuntu install python{InterpreterSelector.ShortVersion(inspected)}-venv)")
                        + ". Pick another interpreter with -PythonVersion or -Interpreter.",
                        path);
                }

                return inspected;
            }

            if (string.IsNullOrWhiteSpace(request.PythonVersion))
            {
                throw new CodeEnvException(ErrorKind.InvalidArgument, "PythonVersionMissing", "Say which Python to use with -PythonVersion (such as 3.11) or -Interpreter <path>.", request.Name);
            }

            var discovered = await InterpreterDiscovery.ForThisMachine(settings.Interpreters).DiscoverAsync(cancellation).ConfigureAwait(false);
            return InterpreterSelector.Select(discovered, request.PythonVersion!);
        }

        private Environment ToEnvironment(EnvironmentDefinition definition)
        {
            var name = definition.Name;
            var state = definition.State;
            var transient = state == EnvironmentState.Creating || state == EnvironmentState.Updating || state == EnvironmentState.Removing;
            if (transient && !FileLock.IsHeld(paths.EnvLockFile(name)) && !FileLock.IsHeld(paths.EnvVenvLockFile(name)))
            {
                state = EnvironmentState.Interrupted;
            }

            var venv = paths.VenvFolder(name);
            return new Environment(paths.Root, paths.EnvFolder(name), venv, VenvLayout.Python(venv), definition, state);
        }

        private HistoryRecord Record(EnvironmentDefinition after, EnvironmentDefinition? before, string operation) => new HistoryRecord
        {
            Revision = after.Revision,
            ChangedBy = after.UpdatedBy,
            ChangedAt = after.UpdatedAt,
            Operation = operation,
            Changes = DefinitionDiff.Between(before, after),
            Definition = after,
        };

        private void RemoveFolder(string name, IOperationReporter reporter)
        {
            try
            {
                DeleteTrashed(trash.Take(name), reporter);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                reporter.Warning($"Could not remove '{paths.EnvFolder(name)}': {e.Message}. Delete it by hand.");
            }
        }

        private static void DeleteTrashed(string trashed, IOperationReporter reporter)
        {
            var problem = Trash.Empty(trashed);
            if (problem != null)
            {
                reporter.Warning($"The env was removed, but its files could not all be deleted from '{trashed}': {problem}. They no longer block the name; delete them by hand.");
            }
        }

        private static CodeEnvException Unexpected(Exception failure, string name, string action) =>
            new CodeEnvException(
                ErrorKind.OperationFailed,
                "CodeEnvOperationFailed",
                $"Could not {action} the env '{name}': {failure.Message}",
                name,
                failure);
    }
}
