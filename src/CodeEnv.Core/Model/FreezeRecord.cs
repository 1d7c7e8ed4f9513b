using System;

namespace CodeEnv
{
    /// <summary>
    /// <c>freeze.json</c>: an env frozen at a revision (Lock-CodeEnv). Like status.json it lives beside the definition and is
    /// never part of a revision, a diff or a restore, so bringing an earlier revision back cannot lift a freeze.
    /// </summary>
    internal sealed class FreezeRecord
    {
        public int SchemaVersion { get; set; }

        /// <summary>The revision the env is frozen at: restores may bring back only this one, rebuilds install its lock.</summary>
        public int Revision { get; set; }

        public string FrozenBy { get; set; } = "";

        public DateTimeOffset FrozenAt { get; set; }

        public string Reason { get; set; } = "";

        /// <summary>
        /// The right the freezer held (Own, or Administer for a root administrator): lifting the freeze needs as much, so a
        /// freeze an administrator set for an audit is not lifted by the env's owner.
        /// </summary>
        public EnvironmentRight Right { get; set; } = EnvironmentRight.Own;

        /// <summary>
        /// The exact set the frozen revision installed, with each file's sha256, copied here so a rebuild reproduces it
        /// whatever happens to installed.json (an archive, a failed build) while the freeze holds.
        /// </summary>
        public InstalledLock Lock { get; set; } = new InstalledLock();
    }
}
