using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// An env nobody used for the root's UnusedAfterDays (PowerShell type <c>CodeEnv.UnusedEnvironment</c>), as
    /// Get-CodeEnvUnused reports it for a job to act on: <c>Get-CodeEnvUnused | Disable-CodeEnv</c> binds <see cref="Name"/>.
    /// </summary>
    public sealed class UnusedEnvironment
    {
        public UnusedEnvironment(string name, string root, DateTimeOffset idleSince, int idleDays, string? lastUsedBy, IEnumerable<string> consumers)
        {
            Name = name;
            Root = root;
            IdleSince = idleSince;
            IdleDays = idleDays;
            LastUsedBy = lastUsedBy;
            Consumers = new ItemList<string>(consumers);
        }

        public string Name { get; }

        public string Root { get; }

        /// <summary>The latest of the recorded usages and the env's LastUsed; its creation when it was never used.</summary>
        public DateTimeOffset IdleSince { get; }

        /// <summary>Whole days since <see cref="IdleSince"/>.</summary>
        public int IdleDays { get; }

        /// <summary>Who made the latest recorded usage; null when none is recorded.</summary>
        public string? LastUsedBy { get; }

        /// <summary>Its declared consumers ("Kind 'Id' of Owner"); empty unless -IncludeDeclared asked for envs that have some.</summary>
        public ItemList<string> Consumers { get; }

        public override string ToString() => Name;
    }
}
