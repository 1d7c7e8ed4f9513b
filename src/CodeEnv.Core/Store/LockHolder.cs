using System;

namespace CodeEnv.Store
{
    /// <summary>Who holds a lock, kept beside it so a waiting process can say who it is waiting for.</summary>
    public sealed class LockHolder
    {
        public int SchemaVersion { get; set; } = 1;

        public string Operation { get; set; } = "";

        public string User { get; set; } = "";

        public int ProcessId { get; set; }

        public string Host { get; set; } = "";

        public DateTimeOffset Since { get; set; }

        /// <summary>
        /// The process group of the child this holder started (pip, venv), when one runs: whoever takes the lock over
        /// from a killed holder ends that group first, so an orphaned pip never works on a venv beside its successor.
        /// </summary>
        public int? ChildProcessGroup { get; set; }

        /// <summary>The group leader's start time (clock ticks since boot, /proc/pid/stat), so a reused id is never mistaken for it.</summary>
        public long? ChildStartTicks { get; set; }

        /// <summary>This process as the holder of a lock taken for <paramref name="operation"/> by <paramref name="user"/>.</summary>
        public static LockHolder ThisProcess(string operation, string user, DateTimeOffset since) =>
            new LockHolder { Operation = operation, User = user, ProcessId = Platform.ProcessId, Host = Platform.HostName, Since = since };

        public override string ToString() => $"{Operation} by {User} (pid {ProcessId} on {Host}) since {Since:u}";
    }
}
