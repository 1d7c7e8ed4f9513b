namespace CodeEnv
{
    /// <summary>
    /// A root rule that pins package names to one index (Set-CodeEnvRoot -IndexRule @{ Pattern = 'acme-*'; Index = '...' }):
    /// a name the pattern matches is looked up on that index only, and an install that would take it from anywhere else
    /// is refused. The first rule whose pattern matches a name decides for it.
    /// </summary>
    public sealed class IndexRule
    {
        /// <summary>A package name, or a pattern with * and ?, compared as PEP 503 normalizes names (Acme_Core is acme-core).</summary>
        public string Pattern { get; set; } = "";

        /// <summary>The index the names come from: the root's index URL or one of its extra index URLs, as configured (without credentials).</summary>
        public string Index { get; set; } = "";

        public override string ToString() => Pattern + " -> " + Index;
    }
}
