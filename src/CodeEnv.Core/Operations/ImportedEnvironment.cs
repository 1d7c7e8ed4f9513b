using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>
    /// What an export document may bring into this root, for this caller. An export file is input like any other:
    /// its fields get the cmdlets' own validation, its lock entries are names, versions and file hashes and nothing else, and
    /// it cannot grant what the caller could not grant: unless the caller administers the root, the importer owns
    /// the env and the file's group grants are dropped, each with a warning that names it.
    /// </summary>
    internal static class ImportedEnvironment
    {
        /// <summary>The lock as pip constraints; throws InvalidData naming the first entry that is not a package name and a PEP 440 version.</summary>
        public static List<string> Constraints(EnvironmentExport document, string path)
        {
            var locked = document.Lock ?? new List<LockedPackage>();
            foreach (var entry in locked)
            {
                if (!PackageName.IsValid(entry.Name ?? "") || !PackageVersion.TryParse(entry.Version, out _) || (entry.Version ?? "").Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                {
                    throw new CodeEnvException(
                        ErrorIds.ExportLockInvalid,
                        $"The lock in '{path}' has an entry that is not a package name and a version: name '{PrintableText.Of(entry.Name)}', version '{PrintableText.Of(entry.Version)}'. Export the env again from its root, or import it without -Locked.",
                        path);
                }

                var artifact = entry.Artifact;
                if (artifact != null && (!System.Text.RegularExpressions.Regex.IsMatch(artifact.Sha256 ?? "", "^[0-9a-fA-F]{64}$") || (artifact.FileName ?? "").Any(char.IsControl) || (artifact.Url ?? "").Any(char.IsControl)))
                {
                    throw new CodeEnvException(
                        ErrorIds.ExportLockInvalid,
                        $"The lock in '{path}' gives {PrintableText.Of(entry.Name)} a file that is not a file name with a sha256: '{PrintableText.Of(artifact.FileName)}', sha256 '{PrintableText.Of(artifact.Sha256)}'. Export the env again from its root, or import it without -Locked.",
                        path);
                }
            }

            return Packages.LockPins.Lines(locked);
        }

        /// <summary>Validates the fields the cmdlets would validate; throws the cmdlets' own errors.</summary>
        public static void ValidateFields(EnvironmentExport document)
        {
            EnvironmentDescription.Validate(document.Definition.Description);
            foreach (var grant in document.Definition.GroupPermissions)
            {
                GroupName.Validate(grant.Group);
            }
        }

        /// <summary>Owner and grants: the file's for an administrator (the owner only if the user exists here), the caller's alone otherwise.</summary>
        public static void ApplyOwnership(EnvironmentDefinition definition, EnvironmentExport imported, RootSettingsDocument settings, CallerIdentity caller, IOperationReporter reporter)
        {
            definition.UsableByAll = imported.Definition.UsableByAll;
            definition.PackageSets = imported.Definition.PackageSets;
            if (!AccessPolicy.IsAdministrator(settings, caller))
            {
                if (!string.IsNullOrEmpty(imported.Definition.Owner) && !string.Equals(imported.Definition.Owner, caller.UserName, System.StringComparison.OrdinalIgnoreCase))
                {
                    reporter.Warning($"The export names '{imported.Definition.Owner}' as the owner; '{caller.UserName}' owns the imported env, since only an administrator keeps an exported owner.");
                }

                foreach (var grant in imported.Definition.GroupPermissions)
                {
                    reporter.Warning($"The export grants {Strongest(grant)} to the group '{grant.Group}'; it was dropped, since only an administrator imports grants. The owner can give it again with Grant-CodeEnvPermission.");
                }

                return;
            }

            definition.GroupPermissions = imported.Definition.GroupPermissions;
            switch (UnixUsers.Exists(imported.Definition.Owner))
            {
                case true:
                    definition.Owner = imported.Definition.Owner;
                    break;
                case false:
                    reporter.Warning($"The owner '{imported.Definition.Owner}' is not a user of this machine; '{caller.UserName}' owns the imported env.");
                    break;
                default:
                    reporter.Warning($"Whether '{imported.Definition.Owner}' is a user of this machine cannot be checked here; '{caller.UserName}' owns the imported env. Give it to them with Set-CodeEnv -Owner once you know the account.");
                    break;
            }
        }

        private static string Strongest(GroupPermission grant) =>
            grant.Right() == EnvironmentRight.None ? "no right" : grant.Right().ToString();
    }
}
