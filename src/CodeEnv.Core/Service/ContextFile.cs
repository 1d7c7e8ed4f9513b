namespace CodeEnv.Service
{
    /// <summary>One file of a container build context: its path relative to the context folder, and its text.</summary>
    public sealed class ContextFile
    {
        public string RelativePath { get; set; } = "";

        public string Content { get; set; } = "";
    }
}
