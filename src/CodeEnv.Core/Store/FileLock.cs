using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using CodeEnv.Errors;

namespace CodeEnv.Store
{
    /// <summary>
    /// An exclusive lock held by the operating system on an open file (flock on Unix, a share-none handle on
    /// Windows). The OS releases it when the holder dies, however it dies, so a killed process never leaves a lock
    /// that blocks anyone: a dead holder's lock is simply free, and its leftover holder file tells the next owner
    /// what was interrupted. The lock file itself is never deleted, since deleting it would let two processes
    /// lock two different files of the same name.
    /// </summary>
    public sealed class FileLock : IDisposable
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

        private const string WaitActivity = "Waiting for a lock";

        private readonly FileStream stream;
        private readonly string holderPath;
        private readonly LockHolder me;
        private readonly Stopwatch held = Stopwatch.StartNew();

        private FileLock(FileStream stream, string holderPath, LockHolder me, LockHolder? interruptedHolder)
        {
            this.stream = stream;
            this.holderPath = holderPath;
            this.me = me;
            InterruptedHolder = interruptedHolder;
        }

        /// <summary>Told how long the lock was held when it is released: every metadata change should take milliseconds.</summary>
        public Action<TimeSpan>? Released { get; set; }

        /// <summary>The holder a killed process left behind when this lock was taken over, if any.</summary>
        public LockHolder? InterruptedHolder { get; }

        /// <summary>
        /// Takes the lock, waiting while another process holds it, up to <paramref name="timeout"/> (cargo, uv and apt
        /// wait the same way). Every lock of a root is taken here. A waiter tells <paramref name="reporter"/> whom it
        /// waits for (Verbose, once per holder) and how long it has waited (progress, completed once the lock is taken
        /// or the wait ends), as cargo does. While waiting, <paramref name="giveUp"/> may end the wait with its own
        /// exception (for example: the name this creator waits for is taken); <paramref name="cancellation"/> (Ctrl+C)
        /// ends it at once.
        /// </summary>
        public static FileLock Acquire(string lockPath, LockHolder me, TimeSpan timeout, string subject, CancellationToken cancellation, IOperationReporter? reporter = null, Func<Exception?>? giveUp = null)
        {
            string? announced = null;
            try
            {
                return Wait(lockPath, me, timeout, subject, cancellation, giveUp, (current, waited) =>
                {
                    var who = current?.ToString() ?? "another process";
                    if (who != announced)
                    {
                        announced = who;
                        reporter?.Verbose($"{subject} is locked by {who}; waiting for it.");
                    }

                    reporter?.Progress(WaitActivity, $"{subject} is locked by {who}; waited {waited.TotalSeconds:0} s", -1);
                });
            }
            finally
            {
                if (announced != null)
                {
                    reporter?.ProgressCompleted(WaitActivity);
                }
            }
        }

        private static FileLock Wait(string lockPath, LockHolder me, TimeSpan timeout, string subject, CancellationToken cancellation, Func<Exception?>? giveUp, Action<LockHolder?, TimeSpan> waiting)
        {
            var watch = Stopwatch.StartNew();
            var lastReport = TimeSpan.Zero;
            while (true)
            {
                var taken = TryAcquire(lockPath, me);
                if (taken != null)
                {
                    return taken;
                }

                var reason = giveUp?.Invoke();
                if (reason != null)
                {
                    throw reason;
                }

                if (watch.Elapsed >= timeout)
                {
                    var holder = ReadHolder(HolderPath(lockPath));
                    var who = holder != null ? holder.ToString() : "another process";
                    throw new CodeEnvException(
                        ErrorIds.CodeEnvBusy,
                        $"{subject} is busy: {who}. Waited {timeout.TotalSeconds:0.#} s; try again when that operation has finished, or wait longer with Set-CodeEnvRoot -LockTimeoutSeconds.",
                        subject);
                }

                if (lastReport == TimeSpan.Zero || watch.Elapsed - lastReport >= TimeSpan.FromSeconds(1))
                {
                    lastReport = watch.Elapsed;
                    waiting(ReadHolder(HolderPath(lockPath)), watch.Elapsed);
                }

                if (cancellation.WaitHandle.WaitOne(PollInterval))
                {
                    throw new CodeEnvException(ErrorIds.OperationStopped, $"Stopped while waiting for the lock of {subject}.", subject);
                }
            }
        }

        /// <summary>Takes the lock if it is free right now; null when another process holds it.</summary>
        public static FileLock? TryAcquire(string lockPath, LockHolder me)
        {
            FileStream stream;
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException) when (Platform.IsWindows)
            {
                // Windows reports a file being deleted or locked this way too.
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                // Elsewhere it means what it says: no amount of waiting lets this caller write the root.
                throw new CodeEnvException(
                    ErrorIds.RootNotWritable,
                    $"'{System.Environment.UserName}' may not write '{lockPath}': changing anything in this root needs write access to its files, which belong to its owner. Run the command as the root's owner, or ask an administrator of the root.",
                    lockPath);
            }

            var holderPath = HolderPath(lockPath);
            var leftover = ReadHolder(holderPath);
            AtomicFile.WriteAllText(holderPath, Json.Serialize(me));
            return new FileLock(stream, holderPath, me, leftover);
        }

        /// <summary>Whether some live process holds the lock now.</summary>
        public static bool IsHeld(string lockPath)
        {
            if (!File.Exists(lockPath))
            {
                return false;
            }

            try
            {
                // Read access is enough to test an exclusive lock, so a user who may only read the root sees the truth.
                using (new FileStream(lockPath, FileMode.Open, Platform.IsWindows ? FileAccess.ReadWrite : FileAccess.Read, FileShare.None))
                {
                    return false;
                }
            }
            catch (IOException)
            {
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return Platform.IsWindows;
            }
        }

        /// <summary>Records the process group of the child this holder just started, for whoever may take the lock over.</summary>
        public void RecordChild(int processGroup)
        {
            me.ChildProcessGroup = processGroup;
            me.ChildStartTicks = ProcessGroups.StartTicks(processGroup);
            AtomicFile.WriteAllText(holderPath, Json.Serialize(me));
        }

        /// <summary>
        /// Ends what a killed holder of this lock left running (its child's process group, on this host): called by the
        /// new holder before it works where the old one did.
        /// </summary>
        public bool EndInterruptedChildren()
        {
            var left = InterruptedHolder;
            return left?.ChildProcessGroup is int group
                && string.Equals(left.Host, Platform.HostName, StringComparison.OrdinalIgnoreCase)
                && ProcessGroups.EndOrphaned(group, left.ChildStartTicks);
        }

        public void Dispose()
        {
            try
            {
                File.Delete(holderPath);
            }
            catch (IOException)
            {
                // A stale holder file only makes the next owner report an interruption that did not happen.
            }
            catch (UnauthorizedAccessException)
            {
            }

            stream.Dispose();
            Released?.Invoke(held.Elapsed);
        }

        private static string HolderPath(string lockPath) => lockPath + ".holder.json";

        private static LockHolder? ReadHolder(string holderPath)
        {
            try
            {
                return File.Exists(holderPath) ? Json.Deserialize<LockHolder>(File.ReadAllText(holderPath)) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }
    }
}
