using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Register-CodeEnv: lists a venv made by hand as an env that CodeEnv does not manage. It gets a name, an owner,
    /// permissions and history, and is read, tested and run like any env; its folder stays where it is and as it is.
    /// </summary>
    internal sealed class Registration
    {
        private const string Operation = "Register-CodeEnv";

        private readonly EngineContext context;
        private readonly Creation creation;

        public Registration(EngineContext context, Creation creation)
        {
            this.context = context;
            this.creation = creation;
        }

        public async Task<EnvironmentInfo> RegisterAsync(string name, string path, string? description, IOperationReporter reporter, CancellationToken cancellation)
        {
            EnvironmentName.Validate(name);
            EnvironmentDescription.Validate(description);
            var settings = context.Settings();
            var caller = context.Caller;
            AccessPolicy.RequireCreator(settings, caller);
            if (settings.Service != null)
            {
                // The service would read that venv's files and run its python as the service account, on behalf of
                // whoever can write the venv: a served root lists only venvs it builds itself.
                throw new CodeEnvException(
                    ErrorIds.RegisterNotServed,
                    $"A served root does not register venvs made by hand: its service would read '{path}' and run its python as the service account, and anyone who can write that venv could make it run their code. Make a managed copy instead: New-CodeEnv -Name {name} -FromVenv '{path}' (your own session reads the venv; the service builds the copy).",
                    name);
            }

            var venv = ExistingVenv.Open(path);
            var root = Path.GetFullPath(context.Paths.Root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (venv.Folder.StartsWith(root, StringComparison.Ordinal))
            {
                throw new CodeEnvException(ErrorIds.VenvInsideRoot, $"'{venv.Folder}' is inside the root '{context.Paths.Root}', whose venvs CodeEnv manages itself. Register venvs that live elsewhere.", venv.Folder);
            }

            var interpreter = await creation.InterpreterOfAsync(venv, cancellation).ConfigureAwait(false);
            if (interpreter == null)
            {
                reporter.Warning($"The Python {venv.Version} that made '{venv.Folder}' was not found; Test-CodeEnv will report the venv's interpreter as missing until it is back.");
            }

            using (context.Locks.AcquireForCreation(name, settings, reporter, cancellation))
            {
                var now = context.Clock.UtcNow;
                var definition = new EnvironmentDefinition
                {
                    Name = name,
                    Python = new PythonSelection { Version = venv.Version, Interpreter = interpreter?.Path ?? "" },
                    Description = description ?? "",
                    Owner = caller.UserName,
                    RegisteredVenv = venv.Folder,
                    Revision = 1,
                    CreatedBy = caller.UserName,
                    CreatedAt = now,
                    UpdatedBy = caller.UserName,
                    UpdatedAt = now,
                };
                try
                {
                    context.CreateEnvFolder(definition, settings);
                    context.WriteStatus(definition, EnvironmentState.Ready, $"Registered from '{venv.Folder}'; CodeEnv does not manage its packages.");
                    context.Store.Definitions(name).WriteFirst(definition, Operation);
                    // What the venv holds now, so Test-CodeEnv reports what changed in it since.
                    context.Store.WriteInstalled(new InstalledLock
                    {
                        Name = name,
                        Revision = definition.Revision,
                        Python = definition.Python,
                        InstalledAt = now,
                        InstalledBy = caller.UserName,
                        Packages = InstalledPackageReader.Read(venv.Folder, name, context.Paths.Root).Select(p => new LockedPackage { Name = p.Name, Version = p.Version, Requested = p.Requested }).ToList(),
                    });
                    return context.Info(definition);
                }
                catch
                {
                    Removal.DeleteTrashed(context.Trash.Take(name), reporter);
                    context.Store.ReleaseClaim(name);
                    throw;
                }
            }
        }
    }
}
