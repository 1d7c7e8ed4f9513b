using System;

namespace CodeEnv
{
    /// <summary>
    /// A use CodeEnv recorded when it started the env's python (PowerShell type <c>CodeEnv.EnvironmentUsage</c>): the last
    /// one per user, kind and container config, so the records stay as many as the env has users.
    /// </summary>
    public sealed class EnvironmentUsage
    {
        public EnvironmentUsage(string name, string root, UsageKind kind, string user, string? target, DateTimeOffset lastUsed)
        {
            Name = name;
            Root = root;
            Kind = kind;
            User = user;
            Target = target;
            LastUsed = lastUsed;
        }

        public string Name { get; }

        public string Root { get; }

        public UsageKind Kind { get; }

        /// <summary>The OS user who started it (on a served root, as the service saw the caller).</summary>
        public string User { get; }

        /// <summary>The container config of a <see cref="UsageKind.Container"/> run; null for a python started on this machine.</summary>
        public string? Target { get; }

        /// <summary>The last start of this kind by this user, to the minute (starts within a minute of the recorded one are not written again).</summary>
        public DateTimeOffset LastUsed { get; }

        public override string ToString() => $"{Kind} by {User}";
    }
}
