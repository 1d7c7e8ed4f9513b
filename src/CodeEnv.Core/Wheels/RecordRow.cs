namespace CodeEnv.Wheels
{
    /// <summary>One line of a RECORD: a path, its digest ("sha256=...", or empty) and its size in bytes (or empty).</summary>
    public sealed class RecordRow
    {
        public RecordRow(string path, string hash, string size)
        {
            Path = path;
            Hash = hash;
            Size = size;
        }

        /// <summary>The file's path as the RECORD names it: '/'-separated, relative to the folder the RECORD describes.</summary>
        public string Path { get; }

        public string Hash { get; }

        public string Size { get; }

        public override string ToString() => Path + "," + Hash + "," + Size;
    }
}
