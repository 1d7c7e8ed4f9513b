namespace CodeEnv
{
    /// <summary>What makes a root a served one: the account its service runs as and owns the files with, and where it listens.</summary>
    internal sealed class ServiceSettings
    {
        public string Account { get; set; } = "";

        /// <summary>The socket, relative to the root.</summary>
        public string Endpoint { get; set; } = "state/codeenv.sock";
    }
}
