using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>One revision of an env definition or of the root settings (PowerShell type <c>CodeEnv.HistoryEntry</c>).</summary>
    public sealed class HistoryEntry
    {
        public HistoryEntry(string name, string root, int revision, string changedBy, DateTimeOffset changedAt, string operation, IReadOnlyList<string> changes, bool hasKeptVenv)
        {
            Name = name;
            Root = root;
            Revision = revision;
            ChangedBy = changedBy;
            ChangedAt = changedAt;
            Operation = operation;
            Changes = new ItemList<string>(changes);
            HasKeptVenv = hasKeptVenv;
        }

        /// <summary>The env's name; empty for a revision of the root settings.</summary>
        public string Name { get; }

        public string Root { get; }

        public int Revision { get; }

        public string ChangedBy { get; }

        public DateTimeOffset ChangedAt { get; }

        /// <summary>The cmdlet that made the change.</summary>
        public string Operation { get; }

        /// <summary>What changed, in words: packages added and removed, owner, permissions, settings.</summary>
        public ItemList<string> Changes { get; }

        /// <summary>Whether a venv built for this revision is kept, so Restore-CodeEnv to it is a switch, not a rebuild.</summary>
        public bool HasKeptVenv { get; }

        public override string ToString() => $"{Revision} {Operation} by {ChangedBy}";
    }
}
