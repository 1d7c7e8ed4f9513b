using System;
using System.Collections.Generic;

namespace CodeEnv.Store
{
    /// <summary>One revision of the root settings, as kept in <c>&lt;root&gt;/history/&lt;revision&gt;.json</c>.</summary>
    public sealed class RootHistoryRecord
    {
        public const int CurrentSchemaVersion = 1;

        public int SchemaVersion { get; set; } = CurrentSchemaVersion;

        public int Revision { get; set; }

        public string ChangedBy { get; set; } = "";

        public DateTimeOffset ChangedAt { get; set; }

        public string Operation { get; set; } = "";

        public List<FieldChange> Changes { get; set; } = new List<FieldChange>();

        public RootSettings Settings { get; set; } = new RootSettings();
    }
}
