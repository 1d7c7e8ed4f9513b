namespace CodeEnv
{
    /// <summary>How an install puts a stored tree's files into a venv.</summary>
    public enum LinkMode
    {
        /// <summary>Hard links to the store's read-only files; a copy where the file system cannot link (another device, no hard links).</summary>
        Link,

        /// <summary>A copy of every file, the venv's own, as pip would have written it.</summary>
        Copy,
    }
}
