using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using CodeEnv.Interop;

namespace CodeEnv.Store
{
    /// <summary>
    /// Puts store files into a venv: a hard link (<c>link(2)</c>), or a copy where linking fails because the venv is on
    /// another file system (EXDEV), the file system or the kernel's link protection refuses (EPERM, ENOTSUP), or the file
    /// has as many links as the file system allows (EMLINK), or the file belongs to another user; or a copy always, with
    /// <see cref="LinkMode.Copy"/>. Whatever
    /// is at the destination is unlinked first, never opened: it may itself be a link to the store, and writing through it
    /// would change the store. A copy keeps the store file's modification time, which its compiled module records.
    /// </summary>
    internal sealed class FileLinker
    {
        private const int NotPermitted = 1;     // EPERM
        private const int Exists = 17;          // EEXIST
        private const int CrossDevice = 18;     // EXDEV
        private const int TooManyLinks = 31;    // EMLINK
        private const int NotSupported = 95;    // EOPNOTSUPP, ENOTSUP on Linux
        private const int NotSupportedMac = 45; // ENOTSUP on macOS

        private readonly uint? user;
        private readonly string[] ownFolders;
        private bool linking;

        public FileLinker(LinkMode mode)
            : this(mode, new string[0])
        {
        }

        /// <param name="sourceFolders">
        /// Folders the sources lie in (a stored tree, its bytecode) whose owner is checked once instead of each file's: a
        /// folder of this process's user that only its user can add to (the store's, 0755, built by it in its own staging
        /// folder) holds no file of another user, so the stat per file (10,000 for a heavy wheel) proves nothing more. A
        /// folder of another user, or none, leaves every file of it checked.
        /// </param>
        public FileLinker(LinkMode mode, params string[] sourceFolders)
        {
            linking = mode == LinkMode.Link && !Platform.IsWindows;
            user = linking ? Libc.Geteuid() : (uint?)null;
            ownFolders = linking
                ? sourceFolders.Where(f => FileKind.OwnerOf(f) == user).Select(f => f.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).ToArray()
                : new string[0];
        }

        public int Linked { get; private set; }

        public int Copied { get; private set; }

        public void Place(string source, string destination)
        {
            if (linking && TryLink(source, destination))
            {
                Linked++;
                return;
            }

            Copy(source, destination);
            Copied++;
        }

        private bool TryLink(string source, string destination)
        {
            // Only a file of this process's own user is linked: its owner alone can make a read-only file writable again,
            // and a venv must never share a file another user could change (root linking a user's store would run that
            // user's code in every env root updates).
            if (!InOwnFolder(source) && FileKind.OwnerOf(source) != user)
            {
                return false;
            }

            for (var attempt = 0; attempt < 2; attempt++)
            {
                if (Libc.Link(source, destination) == 0)
                {
                    return true;
                }

                var errno = Marshal.GetLastWin32Error();
                switch (errno)
                {
                    case Exists:
                        File.Delete(destination);
                        continue;
                    case TooManyLinks:
                        return false;
                    case CrossDevice:
                    case NotPermitted:
                    case NotSupported:
                    case NotSupportedMac:
                        // The same for every other file of this install: copy the rest without trying.
                        linking = false;
                        return false;
                    default:
                        throw new IOException($"Could not link '{destination}' to '{source}' (errno {errno}).");
                }
            }

            return false;
        }

        private bool InOwnFolder(string source)
        {
            foreach (var folder in ownFolders)
            {
                if (source.StartsWith(folder, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Copy(string source, string destination)
        {
            File.Delete(destination);
            using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                input.CopyTo(output);
            }

            // Created 0666 less the umask, as pip creates the files it unpacks, with the execute bits pip adds.
            if (StoreModes.IsExecutable(source))
            {
                StoreModes.AddExecute(destination);
            }

            File.SetLastWriteTimeUtc(destination, File.GetLastWriteTimeUtc(source));
        }
    }
}
