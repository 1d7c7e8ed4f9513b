using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Store;

namespace CodeEnv.Security
{
    /// <summary>
    /// On a served root, the OS enforces Use: an env's folder (and so its venv, its python, its logs) can be entered by
    /// the service account, and by everyone when the env is usable by all; otherwise only by its owner, the
    /// administrators, the manager groups and the groups with a right on it (each right includes Use), through a POSIX
    /// ACL on the folder alone. On a direct root nothing changes: its one account owns it all.
    /// </summary>
    internal sealed class EnvFolderAccess
    {
        private const string ReadAndEnter = "r-x";

        // A name with one of these cannot be written into setfacl's list; such a user or group gets no OS access (closed, not open).
        private static readonly char[] NotInAclSpec = { ',', ':', '"', '\\', ' ', '\t', '\n' };

        private readonly RootPaths paths;
        private readonly IProcessRunner processes;

        public EnvFolderAccess(RootPaths paths, IProcessRunner processes)
        {
            this.paths = paths;
            this.processes = processes;
        }

        /// <summary>Sets the env folder's ACL to what <paramref name="definition"/> and <paramref name="settings"/> allow.</summary>
        public void Follow(EnvironmentDefinition definition, RootSettingsDocument settings)
        {
            if (settings.Service == null || !Platform.IsLinux)
            {
                return;
            }

            var folder = paths.EnvFolder(definition.Name);
            var entries = new List<string> { "u::rwx", "g::---", "o::" + (definition.UsableByAll ? ReadAndEnter : "---"), "m::" + ReadAndEnter };
            var names = new[] { definition.Owner }.Concat(settings.Administrators).Concat(settings.ManagerGroups).Concat(definition.GroupPermissions.Where(GroupGrant.GivesRight).Select(p => p.Group))
                .Where(n => !string.IsNullOrWhiteSpace(n) && n.IndexOfAny(NotInAclSpec) < 0)
                .Distinct(System.StringComparer.Ordinal);
            foreach (var name in names)
            {
                // A name is a user, a group or both, as the access policy reads it; the OS knows only the ones it has.
                if (UnixUsers.Exists(name) == true)
                {
                    entries.Add($"u:{name}:{ReadAndEnter}");
                }

                if (UnixGroups.Exists(name))
                {
                    entries.Add($"g:{name}:{ReadAndEnter}");
                }
            }

            SetAcl(folder, string.Join(",", entries));
        }

        private void SetAcl(string folder, string acl)
        {
            string error;
            int exitCode;
            try
            {
                // Follow is one synchronous step of a change made under the env's lock; the runner awaits without a context, so blocking cannot deadlock.
                var setfacl = processes.RunAsync("setfacl", new[] { "--set", acl, folder }, null, CancellationToken.None).GetAwaiter().GetResult();
                error = string.Join("\n", setfacl.StandardError);
                exitCode = setfacl.ExitCode;
            }
            catch (CodeEnvException e) when (e.ErrorId == "ExecutableNotFound")
            {
                error = e.Message + " (install the 'acl' package)";
                exitCode = -1;
            }

            if (exitCode != 0)
            {
                // Closed rather than open: without its ACL the folder is the service's alone until the next change sets it.
                UnixLinks.TryChangeMode(folder, 0x1C0);
                throw new CodeEnvException(ErrorIds.EnvAccessNotSet, $"The access list of '{folder}' could not be set ({error.Trim()}); only the service can read the env until it is. Install the 'acl' package and change the env again (Set-CodeEnv).", folder);
            }
        }
    }
}
