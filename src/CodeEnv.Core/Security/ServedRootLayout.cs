using System;
using System.IO;
using System.Runtime.InteropServices;
using CodeEnv.Errors;
using CodeEnv.Interop;
using CodeEnv.Store;

namespace CodeEnv.Security
{
    /// <summary>
    /// Who may touch what in a served root: every file belongs to the service account; users may read the settings,
    /// list env names, reach the socket and read the env folders their ACL opens (<see cref="EnvFolderAccess"/>), and
    /// nothing else. No user can write anywhere in it: every change goes through the service.
    /// </summary>
    internal static class ServedRootLayout
    {
        private const int Private = 0x1C0;       // 0700
        private const int Readable = 0x1ED;      // 0755
        private const int ReadableFile = 0x1A4;  // 0644
        private const int TraverseOnly = 0x1C9;  // 0711: the socket inside is reachable, the folder not listable

        /// <summary>Gives the freshly laid out root at <paramref name="paths"/> to <paramref name="account"/>.</summary>
        public static void Apply(RootPaths paths, string account)
        {
            var (uid, gid) = AccountIds(account);
            // Made now so it is private from the start: venvs reach its files by their own links, never through store/.
            Directory.CreateDirectory(paths.PackageStore);
            foreach (var entry in Directory.EnumerateFileSystemEntries(paths.Root, "*", SearchOption.AllDirectories))
            {
                ChangeOwner(entry, uid, gid);
            }

            ChangeOwner(paths.Root, uid, gid);
            Mode(paths.Root, Readable);
            Mode(paths.SettingsFile, ReadableFile);
            Mode(paths.EnvsFolder, Readable);
            Mode(paths.StateFolder, TraverseOnly);
            // The package store: only the service lists or opens it, so a user learns no other env's wheels from it; a file
            // linked into a venv stays readable through that venv, by its own read-only mode, to whoever may read the venv.
            foreach (var folder in new[] { paths.PackageStore, paths.RootHistoryFolder, paths.Wheelhouse, paths.Cache, paths.NamesFolder, paths.LocksFolder, paths.TrashFolder })
            {
                if (Directory.Exists(folder))
                {
                    Mode(folder, Private);
                }
            }
        }

        /// <summary>
        /// Refuses, before anything is written, a hand-over this process cannot make: giving files to another account
        /// takes root (or the account itself serving its own root).
        /// </summary>
        public static void RequireCanHandOver(string account)
        {
            var (uid, _) = AccountIds(account);
            var self = UnixAccounts.EffectiveUserId();
            if (self != 0 && self != uid)
            {
                throw new CodeEnvException(
                    ErrorIds.ServiceAccountChownFailed,
                    $"A served root's files belong to its service account '{account}', and only root can give them to it. Run Initialize-CodeEnvRoot -ServiceAccount as root (sudo); nothing was created.",
                    account);
            }
        }

        /// <summary>The uid and gid of <paramref name="account"/>, or a clear error naming how to create it.</summary>
        public static (uint Uid, uint Gid) AccountIds(string account)
        {
            return UnixAccounts.IdsOf(account) ?? throw new CodeEnvException(
                ErrorIds.ServiceAccountNotFound,
                $"There is no OS user '{account}' to run the CodeEnv service as. Create it ('sudo useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin {account}', which deploy/install.sh does) and run the command again.",
                account);
        }

        private static void ChangeOwner(string path, uint uid, uint gid)
        {
            if (Libc.Lchown(path, uid, gid) != 0)
            {
                var errno = Marshal.GetLastWin32Error();
                throw new CodeEnvException(
                    ErrorIds.ServiceAccountChownFailed,
                    $"The root's files could not be given to the service account ('{path}', errno {errno}). Initialize-CodeEnvRoot -ServiceAccount runs as root (sudo), since it hands the root to another account.",
                    path);
            }
        }

        private static void Mode(string path, int mode) => UnixLinks.TryChangeMode(path, mode);
    }
}
