namespace CodeEnv
{
    /// <summary>What makes a root a served one: the account its service runs as and owns the files with, and where it listens.</summary>
    internal sealed class ServiceSettings
    {
        public string Account { get; set; } = "";

        /// <summary>The socket, relative to the root.</summary>
        public string Endpoint { get; set; } = Store.RootPaths.DefaultServiceEndpoint;

        /// <summary>What one caller may spend of the service; null: every limit at its default.</summary>
        public ServiceLimits? Limits { get; set; }

        /// <summary>The limits in force, each set one or its default.</summary>
        [Newtonsoft.Json.JsonIgnore]
        public ServiceLimits EffectiveLimits => Limits ?? new ServiceLimits();
    }
}
