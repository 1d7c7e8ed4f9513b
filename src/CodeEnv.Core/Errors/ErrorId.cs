namespace CodeEnv.Errors
{
    /// <summary>
    /// A stable error id with the one kind of error it always is. Declared in <see cref="ErrorIds"/> alone, so an id
    /// cannot be raised with two kinds (and so two PowerShell categories) from two places.
    /// </summary>
    public sealed class ErrorId
    {
        internal ErrorId(string id, ErrorKind kind)
        {
            Id = id;
            Kind = kind;
        }

        /// <summary>What scripts test for: the ErrorRecord's FullyQualifiedErrorId starts with it.</summary>
        public string Id { get; }

        public ErrorKind Kind { get; }

        public override string ToString() => Id;
    }
}
