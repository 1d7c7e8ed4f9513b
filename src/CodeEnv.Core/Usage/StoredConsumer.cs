using System;
using System.Collections.Generic;

namespace CodeEnv.Usage
{
    /// <summary>One declared consumer as consumers.json keeps it.</summary>
    internal sealed class StoredConsumer
    {
        public ConsumerKind Kind { get; set; }

        public string Id { get; set; } = "";

        public string Owner { get; set; } = "";

        public string? Description { get; set; }

        /// <summary>Normalized package names (PEP 503), as declared.</summary>
        public List<string> Packages { get; set; } = new List<string>();

        public string DeclaredBy { get; set; } = "";

        public DateTimeOffset DeclaredAt { get; set; }

        public bool Is(ConsumerKind kind, string id) => Kind == kind && string.Equals(Id, id, StringComparison.OrdinalIgnoreCase);

        /// <summary>How a refusal or a -WhatIf names it: kind, id, owner and the admin's own words.</summary>
        public string Describe() => $"{Kind} '{Id}' of {Owner}" + (string.IsNullOrEmpty(Description) ? "" : $" ({Description})");
    }
}
