using System;
using CodeEnv;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Store
{
    /// <summary>
    /// One document with its history: the only code that writes an env.json or a codeenv.json and their history/
    /// folders. Every revision is written to history first, then to the document, so every revision the document
    /// ever showed is in history; a write based on a revision that is no longer the stored one is refused. Callers
    /// hold the document's lock for every write.
    /// </summary>
    internal sealed class RevisionedStore<TDocument>
        where TDocument : class, IRevisionedDocument
    {
        private readonly string documentFile;
        private readonly string historyFolder;
        private readonly DocumentSchema schema;
        private readonly DocumentSchema historySchema;

        public RevisionedStore(string documentFile, string historyFolder, DocumentSchema schema, DocumentSchema historySchema)
        {
            this.documentFile = documentFile;
            this.historyFolder = historyFolder;
            this.schema = schema;
            this.historySchema = historySchema;
        }

        public bool Exists => File.Exists(documentFile);

        public TDocument Read() => SchemaFile.Read<TDocument>(documentFile, schema);

        /// <summary>Every revision, newest first.</summary>
        public IReadOnlyList<RevisionRecord<TDocument>> History() =>
            !Directory.Exists(historyFolder)
                ? Array.Empty<RevisionRecord<TDocument>>()
                : Directory.GetFiles(historyFolder, "*.json")
                    .Select(f => SchemaFile.Read<RevisionRecord<TDocument>>(f, historySchema))
                    .OrderByDescending(r => r.Revision)
                    .ToList();

        /// <summary>Writes revision 1 of a new document.</summary>
        public void WriteFirst(TDocument document, string operation)
        {
            document.Revision = 1;
            Write(document, null, operation);
        }

        /// <summary>
        /// Saves <paramref name="after"/> as the revision after <paramref name="before"/>, when anything but bookkeeping
        /// changed; returns the changes (none: nothing was written).
        /// </summary>
        public IReadOnlyList<FieldChange> Save(TDocument before, TDocument after, string operation, string user, DateTimeOffset now)
        {
            var changes = DefinitionDiff.Between(before, after);
            if (changes.Count == 0)
            {
                return changes;
            }

            var stored = Read().Revision;
            if (stored != before.Revision)
            {
                throw new CodeEnvException(
                    ErrorIds.CodeEnvRevisionConflict,
                    $"The {schema.What} in '{documentFile}' changed while this change was prepared (it is now at revision {stored}, the change was based on revision {before.Revision}). Read it again and repeat the change.",
                    documentFile);
            }

            after.Revision = before.Revision + 1;
            after.UpdatedBy = user;
            after.UpdatedAt = now;
            Write(after, before, operation);
            return changes;
        }

        private void Write(TDocument document, TDocument? before, string operation)
        {
            document.SchemaVersion = schema.Current;
            Directory.CreateDirectory(historyFolder);
            SchemaFile.Write(Path.Combine(historyFolder, document.Revision + ".json"), new RevisionRecord<TDocument>
            {
                SchemaVersion = historySchema.Current,
                Revision = document.Revision,
                ChangedBy = document.UpdatedBy,
                ChangedAt = document.UpdatedAt,
                Operation = operation,
                Changes = DefinitionDiff.Between(before, document),
                Definition = document,
            });
            SchemaFile.Write(documentFile, document);
        }
    }
}
