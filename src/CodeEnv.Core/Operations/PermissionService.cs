using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>Who may do what with an env: the list, and group rights granted and revoked (ManageUsers needed).</summary>
    public sealed class PermissionService : IPermissionService
    {
        private readonly EngineContext context;

        internal PermissionService(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>One entry per principal: the owner, all users when UsableByAll, and each group.</summary>
        public Task<IReadOnlyList<PermissionEntry>> GetAsync(string name, CancellationToken cancellation) =>
            Task.Run<IReadOnlyList<PermissionEntry>>(() =>
            {
                var definition = context.Read(name);
                var root = context.Paths.Root;
                var entries = new List<PermissionEntry> { new PermissionEntry(definition.Owner, PrincipalKind.Owner, true, true, true, definition.Name, root) };
                if (definition.UsableByAll)
                {
                    entries.Add(new PermissionEntry("*", PrincipalKind.AllUsers, true, false, false, definition.Name, root));
                }

                entries.AddRange(definition.GroupPermissions.Select(g => Entry(g, definition.Name, root)));
                return entries;
            }, cancellation);

        /// <summary>Gives a group a right (and the ones it implies).</summary>
        public Task<EnvironmentInfo> GrantAsync(string name, string group, GroupRight right, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run<EnvironmentInfo>(() =>
            {
                var reporter = ProgressReporter.For(progress);
                GroupName.Validate(group);
                return context.Transaction.Apply(name, "Grant-CodeEnvPermission", EnvironmentRight.ManageUsers, (definition, settings, caller) =>
                {
                    var entry = definition.GroupPermissions.FirstOrDefault(g => string.Equals(g.Group, group, StringComparison.OrdinalIgnoreCase));
                    if (entry == null)
                    {
                        entry = new GroupPermission { Group = group };
                        definition.GroupPermissions.Add(entry);
                    }

                    var granted = GroupPermission.RightOf(right);
                    entry.SetRight(granted > entry.Right() ? granted : entry.Right());
                }, reporter, cancellation);
            }, cancellation);

        /// <summary>Takes a right (and those that imply it) from a group, or every right when none is named.</summary>
        public Task<EnvironmentInfo> RevokeAsync(string name, string group, GroupRight? right, IProgress<OperationReport>? progress, CancellationToken cancellation) =>
            Task.Run<EnvironmentInfo>(() =>
            {
                var reporter = ProgressReporter.For(progress);
                GroupName.Validate(group);
                return context.Transaction.Apply(name, "Revoke-CodeEnvPermission", EnvironmentRight.ManageUsers, (definition, settings, caller) =>
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

                    // Revoking a right takes the ones that imply it: the entry keeps at most the right just below.
                    var highestKept = right == GroupRight.ManageUsers ? EnvironmentRight.UpdatePackages : EnvironmentRight.Use;
                    entry.SetRight(entry.Right() < highestKept ? entry.Right() : highestKept);
                }, reporter, cancellation);
            }, cancellation);

        private static PermissionEntry Entry(GroupPermission grant, string environment, string root)
        {
            var right = grant.Right();
            return new PermissionEntry(grant.Group, PrincipalKind.Group, right >= EnvironmentRight.Use, right >= EnvironmentRight.UpdatePackages, right >= EnvironmentRight.ManageUsers, environment, root);
        }
    }
}
