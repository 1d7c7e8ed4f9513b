using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Security;

namespace CodeEnv
{
    /// <summary>
    /// Every field of an env's definition that a revision can change, with the right its change needs and what depends
    /// on it. The access policy and the transaction that saves a change read it here, so no operation can change a
    /// field with less than its right, and a new field has no rule until it is added here (a test holds the table to
    /// <see cref="EnvironmentDefinition"/>).
    /// </summary>
    internal static class DefinitionFields
    {
        public const string Name = "name";
        public const string Python = "python";
        public const string Description = "description";
        public const string Owner = "owner";
        public const string UsableByAll = "usableByAll";
        public const string GroupPermissions = "groupPermissions";
        public const string RequestedPackages = "requestedPackages";
        public const string PackageSets = "packageSets";
        public const string JupyterSupport = "jupyterSupport";
        public const string Containers = "containers";
        public const string RegisteredVenv = "registeredVenv";
        public const string Runtime = "runtime";
        public const string CreatedBy = "createdBy";
        public const string CreatedAt = "createdAt";

        /// <summary>What is installed needs UpdatePackages, the group grants ManageUsers, every other field the owner's right.</summary>
        public static readonly IReadOnlyList<DefinitionField> All = new[]
        {
            new DefinitionField(Name, EnvironmentRight.Own),
            new DefinitionField(Python, EnvironmentRight.Own, installedSetDependsOn: true),
            new DefinitionField(Description, EnvironmentRight.Own),
            new DefinitionField(Owner, EnvironmentRight.Own, whoMayUseDependsOn: true),
            new DefinitionField(UsableByAll, EnvironmentRight.Own, whoMayUseDependsOn: true),
            new DefinitionField(GroupPermissions, EnvironmentRight.ManageUsers, whoMayUseDependsOn: true),
            new DefinitionField(RequestedPackages, EnvironmentRight.UpdatePackages, installedSetDependsOn: true),
            new DefinitionField(PackageSets, EnvironmentRight.UpdatePackages, installedSetDependsOn: true),
            new DefinitionField(JupyterSupport, EnvironmentRight.UpdatePackages, installedSetDependsOn: true),
            new DefinitionField(Containers, EnvironmentRight.Own),
            new DefinitionField(RegisteredVenv, EnvironmentRight.Own),
            // Variables, init script and smoke test reach the env's processes as its packages do: the same right.
            new DefinitionField(Runtime, EnvironmentRight.UpdatePackages),
            new DefinitionField(CreatedBy, EnvironmentRight.Own),
            new DefinitionField(CreatedAt, EnvironmentRight.Own),
        };

        private static readonly Dictionary<string, DefinitionField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);

        /// <summary>
        /// The field a changed path belongs to ("containers.mode" is part of "containers"). A path outside the table is a
        /// field added to the definition without a rule: that is a defect, never a default right.
        /// </summary>
        public static DefinitionField Of(string path)
        {
            var topLevel = path.Split('.')[0];
            return ByName.TryGetValue(topLevel, out var field)
                ? field
                : throw new InvalidOperationException($"The definition field '{path}' has no entry in DefinitionFields: add one that says which right its change needs and what depends on it.");
        }

        public static bool Contains(string name) => ByName.ContainsKey(name);
    }
}
