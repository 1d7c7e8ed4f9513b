using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>A declared consumer of an env (PowerShell type <c>CodeEnv.EnvironmentConsumer</c>): Get-CodeEnvUsage's answer to "who depends on it".</summary>
    public sealed class EnvironmentConsumer
    {
        public EnvironmentConsumer(string name, string root, ConsumerKind kind, string id, string owner, string? description, IEnumerable<string> packages, string declaredBy, DateTimeOffset declaredAt)
        {
            Name = name;
            Root = root;
            Kind = kind;
            Id = id;
            Owner = owner;
            Description = description;
            Packages = new ItemList<string>(packages);
            DeclaredBy = declaredBy;
            DeclaredAt = declaredAt;
        }

        /// <summary>The env's name, so the object pipes into Remove-CodeEnvConsumer (with <see cref="Id"/>) and every env cmdlet.</summary>
        public string Name { get; }

        public string Root { get; }

        public ConsumerKind Kind { get; }

        public string Id { get; }

        public string Owner { get; }

        public string? Description { get; }

        /// <summary>Package names the consumer pins: their removal from the env is refused unless -Force.</summary>
        public ItemList<string> Packages { get; }

        public string DeclaredBy { get; }

        public DateTimeOffset DeclaredAt { get; }

        public override string ToString() => $"{Kind} '{Id}' of {Owner}";
    }
}
