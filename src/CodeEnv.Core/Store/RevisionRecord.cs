using System;
using CodeEnv;
using System.Collections.Generic;

namespace CodeEnv.Store
{
    /// <summary>One revision of a revisioned document, as kept in its <c>history/&lt;revision&gt;.json</c>.</summary>
    internal sealed class RevisionRecord<TDocument>
        where TDocument : class, IRevisionedDocument
    {
        public int SchemaVersion { get; set; }

        public int Revision { get; set; }

        public string ChangedBy { get; set; } = "";

        public DateTimeOffset ChangedAt { get; set; }

        /// <summary>The cmdlet (or engine operation) that made the change.</summary>
        public string Operation { get; set; } = "";

        public List<FieldChange> Changes { get; set; } = new List<FieldChange>();

        public TDocument Definition { get; set; } = null!;
    }
}
