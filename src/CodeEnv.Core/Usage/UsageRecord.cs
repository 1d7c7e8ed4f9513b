using System;

namespace CodeEnv.Usage
{
    /// <summary><c>envs/&lt;name&gt;/usages/&lt;file&gt;.json</c>: the last time CodeEnv started the env's python of one kind for one user.</summary>
    internal sealed class UsageRecord
    {
        public int SchemaVersion { get; set; }

        public UsageKind Kind { get; set; }

        public string User { get; set; } = "";

        public string? Target { get; set; }

        public DateTimeOffset LastUsed { get; set; }
    }
}
