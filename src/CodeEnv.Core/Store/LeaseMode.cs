namespace CodeEnv.Store
{
    /// <summary>How a <see cref="FileLease"/> is held: by any number of sharers at once, or by one holder alone.</summary>
    public enum LeaseMode
    {
        /// <summary>Many holders at once; none while an exclusive holder has it.</summary>
        Shared,

        /// <summary>One holder, and no sharer, at a time.</summary>
        Exclusive,
    }
}
