using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>What Add-CodeEnvConsumer declares: who depends on an env, and which of its packages that consumer needs.</summary>
    public sealed class ConsumerDeclaration
    {
        public ConsumerKind Kind { get; set; }

        /// <summary>The consumer's id within its kind, such as a task's path or a unit's name; unique per env and kind.</summary>
        public string Id { get; set; } = "";

        /// <summary>Whom to ask before breaking it; the declaring user when empty.</summary>
        public string? Owner { get; set; }

        public string? Description { get; set; }

        /// <summary>Package names the consumer needs: removing one of them from the env's requested lines is refused.</summary>
        public IReadOnlyList<string> Packages { get; set; } = new string[0];
    }
}
