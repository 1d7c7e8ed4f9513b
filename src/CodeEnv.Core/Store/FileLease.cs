using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Interop;
using Microsoft.Win32.SafeHandles;

namespace CodeEnv.Store
{
    /// <summary>
    /// A lock file held shared by any number of holders or exclusively by one (<see cref="LeaseMode"/>): flock(2) with
    /// LOCK_SH or LOCK_EX on Unix, share modes on Windows. <see cref="FileLock"/> is exclusive only; this is its sibling
    /// for work that many may do at once while one kind of work must wait for all of them (installs from the package
    /// store, and the prune that deletes from it). The OS releases a dead holder's lease, however it died.
    /// </summary>
    /// <remarks>
    /// The lock is taken with flock itself, not through a FileStream's share mode: .NET skips the lock silently where a
    /// file system refuses it (and everywhere under DOTNET_SYSTEM_IO_DISABLEFILELOCKING), and a lease that silently
    /// locks nothing would let a prune delete what an install has chosen. Here such a refusal is an error. The file is
    /// opened close-on-exec, so a child process (pip, a compiler) never inherits a lease and keeps it after its parent
    /// died. Each holder records itself in <c>&lt;lock&gt;.holders/</c>, so a waiter can say whom it waits for.
    /// </remarks>
    public sealed class FileLease : IDisposable
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

        private const string WaitActivity = "Waiting for a lease";

        // Only the owner of the folder may open the lease file: a user who could open it could hold it shared forever,
        // and no prune would ever run.
        private const int OwnerOnly = 0x180; // 0600

        private readonly IDisposable handle;
        private readonly string holderFile;
        private int disposed;

        private FileLease(IDisposable handle, string holderFile, LeaseMode mode)
        {
            this.handle = handle;
            this.holderFile = holderFile;
            Mode = mode;
        }

        public LeaseMode Mode { get; }

        /// <summary>
        /// Takes the lease in <paramref name="mode"/>, waiting while it is held in a mode that excludes it, up to
        /// <paramref name="timeout"/>, then CodeEnvBusy naming the holders. A waiter tells <paramref name="reporter"/>
        /// whom it waits for (Verbose, once per change of holders) and how long (progress); <paramref name="cancellation"/>
        /// ends the wait at once (OperationStopped).
        /// </summary>
        public static FileLease Acquire(string lockPath, LeaseMode mode, LockHolder me, TimeSpan timeout, string subject, CancellationToken cancellation, IOperationReporter? reporter = null)
        {
            var watch = Stopwatch.StartNew();
            string? announced = null;
            var lastReport = TimeSpan.MinValue;
            try
            {
                while (true)
                {
                    var taken = TryAcquire(lockPath, mode, me);
                    if (taken != null)
                    {
                        return taken;
                    }

                    if (watch.Elapsed >= timeout)
                    {
                        throw new CodeEnvException(
                            ErrorIds.CodeEnvBusy,
                            $"{subject} is busy: {Describe(Holders(lockPath))}. Waited {timeout.TotalSeconds:0.#} s; try again when that operation has finished, or wait longer with Set-CodeEnvRoot -LockTimeoutSeconds.",
                            subject);
                    }

                    if (lastReport == TimeSpan.MinValue || watch.Elapsed - lastReport >= TimeSpan.FromSeconds(1))
                    {
                        lastReport = watch.Elapsed;
                        var who = Describe(Holders(lockPath));
                        if (who != announced)
                        {
                            announced = who;
                            reporter?.Verbose($"{subject} is in use by {who}; waiting for it.");
                        }

                        reporter?.Progress(WaitActivity, $"{subject} is in use by {who}; waited {watch.Elapsed.TotalSeconds:0} s", -1);
                    }

                    if (cancellation.WaitHandle.WaitOne(PollInterval))
                    {
                        throw new CodeEnvException(ErrorIds.OperationStopped, $"Stopped while waiting for {subject}.", subject);
                    }
                }
            }
            finally
            {
                if (announced != null)
                {
                    reporter?.ProgressCompleted(WaitActivity);
                }
            }
        }

        /// <summary>Takes the lease if it is free for <paramref name="mode"/> right now; null when another holder excludes it.</summary>
        public static FileLease? TryAcquire(string lockPath, LeaseMode mode, LockHolder me)
        {
            CreateLockFile(lockPath);
            IDisposable? handle = Platform.IsWindows ? OpenShared(lockPath, mode) : Flock(lockPath, mode);
            if (handle == null)
            {
                return null;
            }

            try
            {
                var holders = HoldersFolder(lockPath);
                Directory.CreateDirectory(holders);
                if (mode == LeaseMode.Exclusive)
                {
                    // Nobody else holds the lease now, so every record left is a dead holder's.
                    foreach (var stale in Directory.GetFiles(holders, "*.json"))
                    {
                        File.Delete(stale);
                    }
                }

                var holderFile = Path.Combine(holders, Guid.NewGuid().ToString("N") + ".json");
                AtomicFile.WriteAllText(holderFile, Json.Serialize(me));
                return new FileLease(handle, holderFile, mode);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        /// <summary>Who holds the lease now, as the holders recorded themselves; holders whose process has died on this host are left out.</summary>
        public static IReadOnlyList<LockHolder> Holders(string lockPath)
        {
            var folder = HoldersFolder(lockPath);
            var holders = new List<LockHolder>();
            foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : new string[0])
            {
                try
                {
                    var holder = Json.Deserialize<LockHolder>(File.ReadAllText(file));
                    if (holder != null && IsAlive(holder))
                    {
                        holders.Add(holder);
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is Newtonsoft.Json.JsonException)
                {
                    // Gone between listing and reading, or half-written by a holder being killed: not a holder to name.
                }
            }

            return holders.OrderBy(h => h.Since).ToList();
        }

        /// <summary>Ends the lease: the holder's record first, so no waiter names a holder that has gone.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            try
            {
                File.Delete(holderFile);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // A stale record only makes a waiter name a holder that is gone; the next exclusive holder removes it.
            }

            handle.Dispose();
        }

        private static string HoldersFolder(string lockPath) => lockPath + ".holders";

        private static string Describe(IReadOnlyList<LockHolder> holders) =>
            holders.Count == 0 ? "another process" : string.Join("; ", holders.Select(h => h.ToString()));

        private static bool IsAlive(LockHolder holder)
        {
            if (Platform.IsWindows || !string.Equals(holder.Host, Platform.HostName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            // Signal 0 checks that the process exists; EPERM means it exists and belongs to another user.
            return Libc.Kill(holder.ProcessId, 0) == 0 || Marshal.GetLastWin32Error() == 1;
        }

        private static void CreateLockFile(string lockPath)
        {
            if (File.Exists(lockPath))
            {
                return;
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                using (new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
                {
                }

                if (!Platform.IsWindows)
                {
                    UnixLinks.TryChangeMode(lockPath, OwnerOnly);
                }
            }
            catch (IOException) when (File.Exists(lockPath))
            {
                // Another holder made it first.
            }
            catch (UnauthorizedAccessException)
            {
                throw NotWritable(lockPath);
            }
        }

        private static SafeHandle? Flock(string lockPath, LeaseMode mode)
        {
            var descriptor = Libc.Open(lockPath, CloseOnExec);
            if (descriptor < 0)
            {
                var openError = Marshal.GetLastWin32Error();
                if (openError == 13 /* EACCES */)
                {
                    throw NotWritable(lockPath);
                }

                throw new IOException($"Could not open the lease file '{lockPath}' (errno {openError}).");
            }

            var handle = new SafeFileHandle(new IntPtr(descriptor), ownsHandle: true);
            if (Libc.Flock(descriptor, (mode == LeaseMode.Shared ? Libc.LockShared : Libc.LockExclusive) | Libc.LockNonBlocking) == 0)
            {
                return handle;
            }

            var error = Marshal.GetLastWin32Error();
            handle.Dispose();
            if (error == WouldBlock)
            {
                return null;
            }

            throw new IOException($"Could not lock the lease file '{lockPath}' (flock errno {error}): its file system does not support the locks that keep a prune from deleting what an install uses.");
        }

        // The stream itself is kept: its share mode is the lease until it is disposed.
        private static FileStream? OpenShared(string lockPath, LeaseMode mode)
        {
            try
            {
                return mode == LeaseMode.Shared
                    ? new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.Read)
                    : new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                // Windows reports a file locked by another holder this way too.
                return null;
            }
        }

        // O_RDONLY | O_CLOEXEC: flock needs no write access, and no child may inherit the lease.
        private static int CloseOnExec => RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? 0x1000000 : 0x80000;

        private static int WouldBlock => RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? 35 : 11;

        private static CodeEnvException NotWritable(string lockPath) => new CodeEnvException(
            ErrorIds.RootNotWritable,
            $"'{System.Environment.UserName}' may not take the lease '{lockPath}': it belongs to the root's owner (the service account on a served root). Run the command as the root's owner, or ask an administrator of the root.",
            lockPath);
    }
}
