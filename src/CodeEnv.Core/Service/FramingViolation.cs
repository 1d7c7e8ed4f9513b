namespace CodeEnv.Service
{
    /// <summary>What broke the message framing of a connection, in words for the service's log.</summary>
    internal sealed class FramingViolation
    {
        public FramingViolation(string what, long? declaredBytes)
        {
            What = what;
            DeclaredBytes = declaredBytes;
        }

        /// <summary>Such as "a message of 314572800 bytes, more than the 4194304 the service reads".</summary>
        public string What { get; }

        /// <summary>The body length the header declared, when the violation is its size.</summary>
        public long? DeclaredBytes { get; }
    }
}
