using System.Collections.Generic;
using System.IO;
using CodeEnv.Store;

namespace CodeEnv.Usage
{
    /// <summary>Reads and writes an env's consumers.json; the writer holds the env's lock, and the write is atomic (<see cref="AtomicFile"/>).</summary>
    internal static class ConsumerFile
    {
        /// <summary>The env's declared consumers; none when it never had any (the file is made by the first declaration).</summary>
        public static List<StoredConsumer> Read(RootPaths paths, string name)
        {
            var file = paths.ConsumersFile(name);
            return File.Exists(file) ? SchemaFile.Read<ConsumersDocument>(file, DocumentSchemas.Consumers).Consumers : new List<StoredConsumer>();
        }

        public static void Write(RootPaths paths, string name, List<StoredConsumer> consumers) =>
            SchemaFile.Write(paths.ConsumersFile(name), new ConsumersDocument { SchemaVersion = DocumentSchemas.Consumers.Current, Consumers = consumers });
    }
}
