using System;
using System.Collections.Generic;

namespace CodeEnv.Store
{
    /// <summary>One revision of an env definition, as kept in <c>history/&lt;revision&gt;.json</c>.</summary>
    public sealed class HistoryRecord
    {
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;

        public int Revision { get; set; }

        public string ChangedBy { get; set; } = "";

        public DateTimeOffset ChangedAt { get; set; }

        /// <summary>The cmdlet (or engine operation) that made the change.</summary>
        public string Operation { get; set; } = "";

        public List<FieldChange> Changes { get; set; } = new List<FieldChange>();

        public EnvironmentDefinition Definition { get; set; } = new EnvironmentDefinition();
    }
}
