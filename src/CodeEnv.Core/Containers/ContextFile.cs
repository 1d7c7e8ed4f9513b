namespace CodeEnv.Containers
{
    /// <summary>One entry of a container build context: its path relative to the context folder and its bytes, or a folder (which may be empty).</summary>
    public sealed class ContextFile
    {
        public string RelativePath { get; set; } = "";

        public bool IsFolder { get; set; }

        public byte[] Content { get; set; } = new byte[0];

        /// <summary>Written with the execute bits (0755), as a resource the init script made executable was; other files are 0644.</summary>
        public bool Executable { get; set; }
    }
}
