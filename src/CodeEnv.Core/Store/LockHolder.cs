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

        public override string ToString() => $"{Operation} by {User} (pid {ProcessId} on {Host}) since {Since:u}";
    }
}
