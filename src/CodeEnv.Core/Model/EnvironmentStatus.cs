using System;

namespace CodeEnv
{
    /// <summary>
    /// <c>status.json</c>: where an env is in its lifecycle. It lives beside the definition and is never part of a
    /// revision, a diff, a history entry or a restore.
    /// </summary>
    internal sealed class EnvironmentStatus
    {
        public int SchemaVersion { get; set; }

        public EnvironmentState State { get; set; }

        /// <summary>Why the env is Failed or Outdated, in words for the admin.</summary>
        public string? Detail { get; set; }

        public DateTimeOffset ChangedAt { get; set; }

        /// <summary>The definition revision the state was recorded for.</summary>
        public int Revision { get; set; }

        /// <summary>The bytes of the venv that serves (schema 2), as measured when it was built.</summary>
        public long VenvSizeBytes { get; set; }

        /// <summary>The bytes of the earlier venvs kept for rollback (schema 2).</summary>
        public long KeptVenvsSizeBytes { get; set; }
    }
}
