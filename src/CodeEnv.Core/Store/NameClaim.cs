using System;

namespace CodeEnv.Store
{
    /// <summary>
    /// The reservation of one env name, stored under <c>state/names/&lt;lower-case name&gt;.json</c>. Creating
    /// the file exclusively is what makes a name taken, case-insensitively, on every file system; it also keeps the
    /// canonical spelling so a name in any case finds its env in one read.
    /// </summary>
    public sealed class NameClaim
    {
        public int SchemaVersion { get; set; } = 1;

        public string Name { get; set; } = "";

        public string ClaimedBy { get; set; } = "";

        public int ProcessId { get; set; }

        public string Host { get; set; } = "";

        public DateTimeOffset ClaimedAt { get; set; }
    }
}
