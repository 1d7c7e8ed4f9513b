using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>New-CodeEnv: validates everything first, then claims the name, writes revision 1 and installs.</summary>
    internal sealed class Creation
    {
        private const string CreateActivity = "New-CodeEnv";

        private readonly EngineContext context;
        private readonly Updater updater;

        public Creation(EngineContext context, Updater updater)
        {
            this.context = context;
            this.updater = updater;
        }

        public async Task<EnvironmentInfo> CreateAsync(NewEnvironmentRequest request, IOperationReporter reporter, CancellationToken cancellation)
        {
            var settings = context.Settings();
            var caller = context.Caller;
            // Before anything the request names is read or run.
            AccessPolicy.RequireCreator(settings, caller);
            EnvironmentName.Validate(request.Name);
            EnvironmentDescription.Validate(request.Description);
            var packages = PackagesOfNew(request, settings, caller);
            var containers = ContainerSelections.Valid(request.ContainerSelection, request.ContainerConfigs, settings);
            reporter.Progress(CreateActivity, "Finding the Python interpreter", 0);
            var interpreter = await ResolveInterpreterAsync(request, settings, cancellation).ConfigureAwait(false);
            reporter.Verbose($"Using Python {interpreter.Version} at '{interpreter.Path}' ({interpreter.Source}).");
            if (!interpreter.HasDevelopmentHeaders)
            {
                reporter.Warning(DevelopmentHeadersAdvice.For(interpreter));
            }

            var name = request.Name;
            using (var held = context.Locks.AcquireForCreation(name, settings, reporter, cancellation))
            {
                var created = false;
                try
                {
                    var now = context.Clock.UtcNow;
                    var definition = new EnvironmentDefinition
                    {
                        Name = name,
                        Python = new PythonSelection { Version = interpreter.Version.ToString(), Interpreter = interpreter.Path },
                        Description = request.Description ?? "",
                        Owner = caller.UserName,
                        RequestedPackages = packages.RequestedPackages,
                        PackageSets = packages.PackageSets,
                        JupyterSupport = request.JupyterSupport,
                        Containers = containers,
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

                    context.CreateEnvFolder(definition, settings);
                    created = true;
                    context.WriteStatus(definition, EnvironmentState.Creating, null);
                    // The selection is checked again under the root's lock as revision 1 is written, so a container config
                    // removed since the check above is not selected (see Remove-CodeEnvContainerConfig).
                    using (context.RootLock(settings, CreateActivity))
                    {
                        definition.Containers = ContainerSelections.Valid(request.ContainerSelection, request.ContainerConfigs, context.Settings());
                        context.Store.Definitions(name).WriteFirst(definition, CreateActivity);
                    }

                    if (request.NoInstall)
                    {
                        context.WriteStatus(definition, EnvironmentState.Outdated, "Created with -NoInstall: the venv is built by the next update.");
                    }
                    else
                    {
                        using (var log = new OperationLog(context.Paths.LogsFolder(name), "create", context.Clock.UtcNow, reporter, SecretRedactor.Of(context.Paths).Redact))
                        {
                            var built = await updater.BuildAsync(definition, settings, interpreter, new UpdateOptions { Constraints = request.Constraints, ExpectedArtifacts = request.Lock }, CreateActivity, log, reporter, held.RecordChild, cancellation).ConfigureAwait(false);
                            updater.Activate(name, built, settings, reporter);
                            context.Store.WriteInstalled(built.Installed);
                        }

                        context.WriteStatus(definition, EnvironmentState.Ready, null);
                        context.KernelSpecs.Follow(definition, EnvironmentState.Ready, settings);
                    }

                    reporter.ProgressCompleted(CreateActivity);
                    return context.Info(definition);
                }
                catch (Exception failure)
                {
                    reporter.ProgressCompleted(CreateActivity);
                    if (created)
                    {
                        reporter.Verbose($"Creating '{name}' failed; removing what was created.");
                        RemoveFolder(name, reporter);
                    }

                    context.Store.ReleaseClaim(name);
                    if (failure is CodeEnvException)
                    {
                        throw;
                    }

                    throw EngineContext.Unexpected(failure, name, "create");
                }
            }
        }

        /// <summary>
        /// The interpreter that made an existing venv, when it still runs with the same version: pyvenv.cfg's
        /// executable, then its home folder's pythons. Null when none does.
        /// </summary>
        public async Task<PythonInterpreter?> InterpreterOfAsync(ExistingVenv venv, CancellationToken cancellation)
        {
            foreach (var candidate in venv.InterpreterCandidates().Where(File.Exists))
            {
                var inspected = await context.Interpreters.InspectAsync(candidate, cancellation).ConfigureAwait(false);
                if (inspected != null && inspected.Version.ToString() == venv.Version)
                {
                    return inspected;
                }
            }

            return null;
        }

        /// <summary>Validates a new env's lines and sets before anything is created, with the rules of every package command.</summary>
        private static EnvironmentDefinition PackagesOfNew(NewEnvironmentRequest request, RootSettingsDocument settings, CallerIdentity caller)
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

        private async Task<PythonInterpreter> ResolveInterpreterAsync(NewEnvironmentRequest request, RootSettingsDocument settings, CancellationToken cancellation)
        {
            if (!string.IsNullOrEmpty(request.InterpreterPath))
            {
                var path = request.InterpreterPath!;
                // Discovery decides first: on a served root it refuses a path it does not know without looking at it.
                var inspected = await context.Interpreters.InspectAsync(path, cancellation).ConfigureAwait(false);
                if (inspected == null && !File.Exists(path))
                {
                    throw new CodeEnvException(
                        ErrorIds.InterpreterNotFound,
                        $"There is no file '{path}'. Give the path of a python executable, or use -PythonVersion; Get-CodeEnvPython lists the interpreters found.",
                        path);
                }

                if (inspected == null)
                {
                    throw new CodeEnvException(
                        ErrorIds.InterpreterNotPython,
                        $"'{path}' is not a working Python interpreter: running it with -c did not report a Python version. Give the path of a python executable; Get-CodeEnvPython lists the interpreters found.",
                        path);
                }

                if (!inspected.SupportsVenv)
                {
                    throw new CodeEnvException(
                        ErrorIds.InterpreterCannotCreateVenv,
                        $"Python {inspected.Version} at '{inspected.Path}' cannot create virtual environments: its venv or ensurepip module is missing"
                        + (inspected.Version.Major == 2 ? " (Python 2 has no venv)" : $" (on Debian and Ubuntu install python{InterpreterSelector.ShortVersion(inspected)}-venv)")
                        + ". Pick another interpreter with -PythonVersion or -Interpreter.",
                        path);
                }

                return inspected;
            }

            if (string.IsNullOrWhiteSpace(request.PythonVersion))
            {
                throw new CodeEnvException(ErrorIds.PythonVersionMissing, "Say which Python to use with -PythonVersion (such as 3.11) or -Interpreter <path>.", request.Name);
            }

            var discovered = await context.Interpreters.DiscoverAsync(settings.Interpreters, cancellation).ConfigureAwait(false);
            return InterpreterSelector.Select(discovered, request.PythonVersion!);
        }

        private void RemoveFolder(string name, IOperationReporter reporter)
        {
            try
            {
                Removal.DeleteTrashed(context.Trash.Take(name), reporter);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                reporter.Warning($"Could not remove '{context.Paths.EnvFolder(name)}': {e.Message}. Delete it by hand.");
            }
        }
    }
}
