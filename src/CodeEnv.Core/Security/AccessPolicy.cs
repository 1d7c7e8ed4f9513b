using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Store;

namespace CodeEnv.Security
{
    /// <summary>
    /// The permission model in one place. Administrators (users or groups named in the root) may do everything;
    /// members of manager groups own every env; creator groups may create envs. On an env, its owner has every right,
    /// UsableByAll gives everyone Use, and each group entry gives Use, UpdatePackages or ManageUsers, each implying
    /// the ones before it. Every changed field of a definition needs the right <see cref="DefinitionFields"/> names for it
    /// (<see cref="RequireForChanges"/>), so no operation can change a field with less.
    /// </summary>
    internal static class AccessPolicy
    {
        public static bool IsAdministrator(RootSettingsDocument settings, CallerIdentity caller) => Administrators.Includes(settings, caller);

        public static EnvironmentRight RightsOn(EnvironmentDefinition definition, RootSettingsDocument settings, CallerIdentity caller)
        {
            if (IsAdministrator(settings, caller))
            {
                return EnvironmentRight.Administer;
            }

            if (InAny(settings.ManagerGroups, caller) || Same(definition.Owner, caller.UserName))
            {
                return EnvironmentRight.Own;
            }

            var right = definition.UsableByAll ? EnvironmentRight.Use : EnvironmentRight.None;
            foreach (var entry in definition.GroupPermissions.Where(p => caller.Groups.Any(g => Same(g, p.Group))))
            {
                var granted = entry.Right();
                right = granted > right ? granted : right;
            }

            return right;
        }

        /// <summary>Throws PermissionDenied naming the caller, the env and the missing right, unless the caller has it.</summary>
        public static void Require(EnvironmentDefinition definition, RootSettingsDocument settings, CallerIdentity caller, EnvironmentRight needed, string action)
        {
            var has = RightsOn(definition, settings, caller);
            if (has < needed)
            {
                throw new CodeEnvException(
                    ErrorIds.CodeEnvPermissionDenied,
                    $"'{caller.UserName}' may not {action} the env '{definition.Name}': that needs the {Describe(needed)} right, and '{caller.UserName}' has {(has == EnvironmentRight.None ? "no right" : "only " + Describe(has))} on it. Ask its owner ({definition.Owner}) or an administrator to grant it (Grant-CodeEnvPermission).",
                    definition.Name);
            }
        }

        /// <summary>Throws PermissionDenied unless the caller has the right every changed field needs.</summary>
        public static void RequireForChanges(EnvironmentDefinition definition, RootSettingsDocument settings, CallerIdentity caller, IEnumerable<FieldChange> changes, string operation)
        {
            foreach (var change in changes)
            {
                Require(definition, settings, caller, DefinitionFields.Of(change.Field).RightToChange, $"change {change.Field} of");
            }
        }

        public static void RequireAdministrator(RootSettingsDocument settings, CallerIdentity caller, string action)
        {
            if (!IsAdministrator(settings, caller))
            {
                throw new CodeEnvException(
                    ErrorIds.AdministratorRequired,
                    $"'{caller.UserName}' may not {action} of '{settings.Root}': that needs an administrator of the root ({string.Join(", ", settings.Administrators)}).",
                    caller.UserName);
            }
        }

        /// <summary>Ownership moves only by the owner's or an administrator's hand, not a manager group's, whichever cmdlet moves it.</summary>
        public static void RequireOwnerTransfer(EnvironmentDefinition definition, RootSettingsDocument settings, CallerIdentity caller, string newOwner, string how)
        {
            if (Same(newOwner, definition.Owner) || Same(definition.Owner, caller.UserName) || IsAdministrator(settings, caller))
            {
                return;
            }

            throw new CodeEnvException(
                ErrorIds.CodeEnvPermissionDenied,
                $"'{caller.UserName}' may not give the env '{definition.Name}' to '{newOwner}'{how}: only its owner ({definition.Owner}) or an administrator may transfer it.",
                definition.Name);
        }

        public static bool MayCreate(RootSettingsDocument settings, CallerIdentity caller) => IsAdministrator(settings, caller) || InAny(settings.CreatorGroups, caller);

        public static void RequireCreator(RootSettingsDocument settings, CallerIdentity caller)
        {
            if (!MayCreate(settings, caller))
            {
                throw new CodeEnvException(
                    ErrorIds.CodeEnvPermissionDenied,
                    $"'{caller.UserName}' may not create envs in '{settings.Root}': that needs an administrator or a member of a creator group ({(settings.CreatorGroups.Count == 0 ? "none is set" : string.Join(", ", settings.CreatorGroups))}). An administrator adds groups with Set-CodeEnvRoot -CreatorGroup.",
                    caller.UserName);
            }
        }

        private static string Describe(EnvironmentRight right) =>
            right == EnvironmentRight.Own ? "owner" : right == EnvironmentRight.Administer ? "administrator" : right.ToString();

        private static bool InAny(System.Collections.Generic.IEnumerable<string> groups, CallerIdentity caller) => groups.Any(g => caller.Groups.Any(c => Same(g, c)));

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
