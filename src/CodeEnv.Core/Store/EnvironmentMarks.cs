using System.IO;

namespace CodeEnv.Store
{
    /// <summary>
    /// The marks an env carries beside its definition, never revisioned: frozen at a revision (freeze.json) and archived
    /// (archive.json). No file, no mark; each is written whole and removed in one step.
    /// </summary>
    internal sealed class EnvironmentMarks
    {
        private readonly RootPaths paths;

        public EnvironmentMarks(RootPaths paths)
        {
            this.paths = paths;
        }

        public FreezeRecord? Freeze(string canonicalName) => ReadIfPresent<FreezeRecord>(paths.FreezeFile(canonicalName), DocumentSchemas.Freeze);

        public void WriteFreeze(string canonicalName, FreezeRecord record)
        {
            record.SchemaVersion = DocumentSchemas.Freeze.Current;
            SchemaFile.Write(paths.FreezeFile(canonicalName), record);
        }

        public void ClearFreeze(string canonicalName) => File.Delete(paths.FreezeFile(canonicalName));

        public ArchiveRecord? Archive(string canonicalName) => ReadIfPresent<ArchiveRecord>(paths.ArchiveFile(canonicalName), DocumentSchemas.Archive);

        public void WriteArchive(string canonicalName, ArchiveRecord record)
        {
            record.SchemaVersion = DocumentSchemas.Archive.Current;
            SchemaFile.Write(paths.ArchiveFile(canonicalName), record);
        }

        public void ClearArchive(string canonicalName) => File.Delete(paths.ArchiveFile(canonicalName));

        public bool IsArchived(string canonicalName) => File.Exists(paths.ArchiveFile(canonicalName));

        // Asked first: a listing looks for these for every env and nearly none exist, and a stat that finds nothing costs a
        // fraction of the exception a failed open throws. The catch is for a mark lifted between the two.
        private static T? ReadIfPresent<T>(string path, DocumentSchema schema)
            where T : class
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                return SchemaFile.Read<T>(path, schema);
            }
            catch (Errors.CodeEnvException e) when (e.Kind == Errors.ErrorKind.NotFound)
            {
                return null;
            }
        }
    }
}
