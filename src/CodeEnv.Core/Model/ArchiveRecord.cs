using System;

namespace CodeEnv
{
    /// <summary>
    /// <c>archive.json</c>: an env archived with Disable-CodeEnv. Its definition, history and lock stay; its kernel spec is
    /// gone and nobody may start it until Enable-CodeEnv. Never part of a revision.
    /// </summary>
    internal sealed class ArchiveRecord
    {
        public int SchemaVersion { get; set; }

        public string ArchivedBy { get; set; } = "";

        public DateTimeOffset ArchivedAt { get; set; }

        /// <summary>Whether its venvs were deleted (then Enable-CodeEnv rebuilds the current one from its lock).</summary>
        public bool VenvDeleted { get; set; }

        /// <summary>The bytes the deleted venvs held, as their builds measured them.</summary>
        public long FreedBytes { get; set; }
    }
}
