using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Security;

namespace CodeEnv.Store
{
    /// <summary>The only code that reads or writes <c>codeenv.json</c>, and the one that lays out a new root.</summary>
    internal static class RootStore
    {
        private const string What = "root settings";
        private const string IdPrefix = "RootSettingsFile";

        /// <summary>The root's settings and their history.</summary>
        public static RevisionedStore<RootSettingsDocument> Settings(RootPaths paths) =>
            new RevisionedStore<RootSettingsDocument>(paths.SettingsFile, paths.RootHistoryFolder, DocumentSchemas.Settings, DocumentSchemas.SettingsHistory);

        public static RootSettingsDocument Read(RootPaths paths)
        {
            var settings = Settings(paths).Read();
            settings.Root = paths.Root;
            return settings;
        }

        /// <summary>The root's lock, for a change that must see the settings stay as they are across several steps.</summary>
        public static FileLock Lock(RootPaths paths, CallerIdentity caller, IClock clock, TimeSpan lockTimeout, string operation)
        {
            return FileLock.Acquire(paths.RootLockFile, LockHolder.ThisProcess(operation, caller.UserName, clock.UtcNow), lockTimeout, $"The root '{paths.Root}'", System.Threading.CancellationToken.None);
        }

        /// <summary>
        /// Changes the settings under the root's lock, as a new revision; nothing else writes codeenv.json. A caller that
        /// already holds the lock (<see cref="Lock"/>) passes it as <paramref name="held"/>.
        /// </summary>
        public static RootSettingsDocument Update(RootPaths paths, Action<RootSettingsDocument> change, CallerIdentity caller, IClock clock, TimeSpan lockTimeout, string operation = "Set-CodeEnvRoot", FileLock? held = null)
        {
            using (held == null ? Lock(paths, caller, clock, lockTimeout, operation) : null)
            {
                var before = Read(paths);
                var settings = Json.Clone(before);
                settings.Root = before.Root;
                change(settings);
                return Settings(paths).Save(before, settings, operation, caller.UserName, clock.UtcNow).Count == 0 ? before : settings;
            }
        }

        public static IReadOnlyList<RevisionRecord<RootSettingsDocument>> History(RootPaths paths) => Settings(paths).History();

        /// <summary>
        /// Lays out a root in an absent or empty folder. codeenv.json is written last, so a folder is a root only
        /// once everything else is in place. A served root's owners and modes are the caller's to set (ServedRootLayout, above the store).
        /// </summary>
        public static RootSettingsDocument Initialize(string folder, IReadOnlyList<string>? administrators, CallerIdentity caller, IClock clock, string? serviceAccount = null)
        {
            var paths = new RootPaths(folder);
            RequireNewRootFolder(paths);
            var admins = (administrators ?? Array.Empty<string>()).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (admins.Count == 0)
            {
                admins.Add(caller.UserName);
            }

            foreach (var folderToCreate in new[] { paths.EnvsFolder, paths.Wheelhouse, paths.Cache, paths.NamesFolder, paths.LocksFolder, paths.TrashFolder })
            {
                Directory.CreateDirectory(folderToCreate);
            }

            var now = clock.UtcNow;
            var settings = new RootSettingsDocument
            {
                Root = paths.Root,
                Administrators = admins,
                PackageSets = DefaultPackageSets.Create(),
                // uv's default for every new root: an extra index never outbids the first one that lists a name. Roots
                // made before keep pip's BestVersion until an administrator chooses, so no existing env changes silently.
                PackageSources = new PackageSources { IndexStrategy = IndexStrategy.FirstIndex },
                CreatedBy = caller.UserName,
                CreatedAt = now,
                UpdatedBy = caller.UserName,
                UpdatedAt = now,
                Service = serviceAccount == null ? null : new ServiceSettings { Account = serviceAccount },
            };
            // Revision 1 has its history entry like every later one; codeenv.json still comes last.
            Settings(paths).WriteFirst(settings, "Initialize-CodeEnvRoot");
            if (serviceAccount != null)
            {
                Directory.CreateDirectory(paths.StateFolder);
            }

            return settings;
        }

        /// <summary>Refuses a folder that is a file, a root already, or not empty, so no existing file is mixed into a new root.</summary>
        public static void RequireNewRootFolder(RootPaths paths)
        {
            if (File.Exists(paths.Root))
            {
                throw new CodeEnvException(ErrorIds.CodeEnvRootPathIsFile, $"'{paths.Root}' is a file. Give the path of a new or empty folder.", paths.Root);
            }

            if (File.Exists(paths.SettingsFile))
            {
                throw new CodeEnvException(
                    ErrorIds.CodeEnvRootExists,
                    $"'{paths.Root}' is already a CodeEnv root. Use it with -Root '{paths.Root}', or give another folder.",
                    paths.Root);
            }

            if (Directory.Exists(paths.Root) && Directory.EnumerateFileSystemEntries(paths.Root).Any())
            {
                throw new CodeEnvException(
                    ErrorIds.CodeEnvRootFolderNotEmpty,
                    $"'{paths.Root}' is not empty and is not a CodeEnv root. Give a new or empty folder, so no existing file is mixed into the root.",
                    paths.Root);
            }
        }
    }
}
