namespace CodeEnv.Security
{
    /// <summary>Whether a user name is known to this machine's user database (NSS included).</summary>
    internal static class UnixUsers
    {
        /// <summary>
        /// True or false from the user database; null where this build cannot ask (Windows: the netstandard2.0 engine
        /// has no account lookup), so that a caller never takes "cannot tell" for "exists".
        /// </summary>
        public static bool? Exists(string userName) => Platform.IsWindows ? (bool?)null : UnixAccounts.IdsOf(userName) != null;
    }
}
