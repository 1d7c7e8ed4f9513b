using System.IO;
using CodeEnv.Errors;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The caller's export file, read and written by the caller's own process on either kind of root: the engine's
    /// contract takes and gives the export document's text (<see cref="ITransferService"/>).
    /// </summary>
    public static class ExportFile
    {
        /// <summary>The document's text; a missing or unreadable file, or one that is not a regular file, is an error naming it.</summary>
        public static string Read(string path)
        {
            if (Directory.Exists(path) || (File.Exists(path) && !FileKind.IsRegularFile(path)))
            {
                throw new CodeEnvException(ErrorIds.ExportFileInvalid, $"'{path}' is not a regular file. Give the path of a file written by Export-CodeEnv.", path);
            }

            return SchemaFile.ReadDocumentText(path, DocumentSchemas.Export);
        }

        /// <summary>Writes the document whole or not at all.</summary>
        public static void Write(string path, string document) => AtomicFile.WriteAllText(path, document);
    }
}
