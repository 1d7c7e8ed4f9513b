using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    public sealed partial class EnvironmentService
    {
        /// <summary>Set-CodeEnv: description, owner, usable-by-all, Jupyter support and container selection, in one revision, each with the right it needs.</summary>
        public Environment SetSettings(string name, EnvironmentSettingsChange change, IOperationReporter reporter, CancellationToken cancellation)
        {
            EnvironmentDescription.Validate(change.Description);
            var caller = identity.Current();
            var settings = Settings();
            var ownerRightsNeeded = change.Description != null || change.Owner != null || change.UsableByAll != null || change.ContainerSelection != null;
            // Selecting container configs holds the root's lock (before the env's, as Remove-CodeEnvContainerConfig does),
            // so a config cannot be removed between this check and the write.
            using (change.ContainerSelection == null ? null : RootStore.Lock(paths, caller, clock, TimeSpan.FromSeconds(settings.LockTimeoutSeconds), "Set-CodeEnv"))
            {
                settings = change.ContainerSelection == null ? settings : Settings();
                var containers = change.ContainerSelection == null ? null : ValidSelection(change.ContainerSelection.Value, change.ContainerConfigs, settings);
                return ChangeSettings(name, change, caller, settings, ownerRightsNeeded, containers, reporter, cancellation);
            }
        }

        private Environment ChangeSettings(string name, EnvironmentSettingsChange change, CallerIdentity caller, RootSettings settings, bool ownerRightsNeeded, ContainerSelection? containers, IOperationReporter reporter, CancellationToken cancellation)
        {
            return Change(
                name,
                "Set-CodeEnv",
                before => ownerRightsNeeded ? EnvironmentRight.Own : EnvironmentRight.UpdatePackages,
                definition =>
                {
                    if (change.Owner != null)
                    {
                        AccessPolicy.RequireOwnerTransfer(definition, settings, caller, change.Owner, "");
                        definition.Owner = change.Owner;
                    }

                    definition.Description = change.Description ?? definition.Description;
                    definition.UsableByAll = change.UsableByAll ?? definition.UsableByAll;
                    if (change.JupyterSupport != null)
                    {
                        PackageListEditor.SetJupyterSupport(definition, change.JupyterSupport.Value);
                    }

                    definition.Containers = containers ?? definition.Containers;
                },
                reporter,
                cancellation);
        }

        /// <summary>One entry per principal: the owner, all users when UsableByAll, and each group.</summary>
        public IReadOnlyList<PermissionEntry> Permissions(string name)
        {
            var definition = Get(name).Definition;
            var entries = new List<PermissionEntry> { new PermissionEntry(definition.Owner, PrincipalKind.Owner, true, true, true, definition.Name, paths.Root) };
            if (definition.UsableByAll)
            {
                entries.Add(new PermissionEntry("*", PrincipalKind.AllUsers, true, false, false, definition.Name, paths.Root));
            }

            entries.AddRange(definition.GroupPermissions.Select(g => new PermissionEntry(g.Group, PrincipalKind.Group, g.Use || g.UpdatePackages || g.ManageUsers, g.UpdatePackages || g.ManageUsers, g.ManageUsers, definition.Name, paths.Root)));
            return entries;
        }

        /// <summary>Gives a group a right (and the ones it implies); needs ManageUsers.</summary>
        public Environment Grant(string name, string group, GroupRight right, IOperationReporter reporter, CancellationToken cancellation)
        {
            GroupName.Validate(group);
            return Change(name, "Grant-CodeEnvPermission", EnvironmentRight.ManageUsers, definition =>
            {
                var entry = definition.GroupPermissions.FirstOrDefault(g => string.Equals(g.Group, group, StringComparison.OrdinalIgnoreCase));
                if (entry == null)
                {
                    entry = new GroupPermission { Group = group };
                    definition.GroupPermissions.Add(entry);
                }

                entry.Use = true;
                entry.UpdatePackages |= right >= GroupRight.UpdatePackages;
                entry.ManageUsers |= right >= GroupRight.ManageUsers;
            }, reporter, cancellation);
        }

        /// <summary>Takes a right (and those that imply it) from a group, or every right when none is named; needs ManageUsers.</summary>
        public Environment Revoke(string name, string group, GroupRight? right, IOperationReporter reporter, CancellationToken cancellation)
        {
            GroupName.Validate(group);
            return Change(name, "Revoke-CodeEnvPermission", EnvironmentRight.ManageUsers, definition =>
            {
                var entry = definition.GroupPermissions.FirstOrDefault(g => string.Equals(g.Group, group, StringComparison.OrdinalIgnoreCase));
                if (entry == null)
                {
                    return;
                }

                if (right == null || right == GroupRight.Use)
                {
                    definition.GroupPermissions.Remove(entry);
                    return;
                }

                entry.ManageUsers = false;
                entry.UpdatePackages &= right != GroupRight.UpdatePackages;
            }, reporter, cancellation);
        }

        /// <summary>Checks that the caller may use the env and returns it, for running its interpreter.</summary>
        public Environment ForUse(string name)
        {
            var environment = Get(name);
            AccessPolicy.Require(environment.Definition, Settings(), identity.Current(), EnvironmentRight.Use, "use");
            return environment;
        }

        /// <summary>
        /// Runs the env's own python with the caller's arguments (Use needed) in <paramref name="workingDirectory"/> (the
        /// caller's current folder, as for any native command), passing on each output line; returns its exit code.
        /// </summary>
        public async System.Threading.Tasks.Task<int> RunPythonAsync(string name, IReadOnlyList<string> arguments, string? workingDirectory, Action<string> onOutput, Action<string> onError, CancellationToken cancellation)
        {
            var environment = ForUse(name);
            if (!System.IO.File.Exists(environment.PythonPath))
            {
                throw new CodeEnvException(
                    ErrorKind.OperationFailed,
                    "VenvMissing",
                    $"The env '{environment.Name}' has no venv yet ({environment.State}); Update-CodeEnv -Name {environment.Name} builds it.",
                    environment.Name);
            }

            var run = await Python.ProcessRunner.RunAsync(environment.PythonPath, arguments, onOutput, cancellation, null, onError, workingDirectory: workingDirectory).ConfigureAwait(false);
            return run.ExitCode;
        }
    }
}
