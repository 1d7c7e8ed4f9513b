namespace CodeEnv.Service
{
    /// <summary>One env of a listing over the wire: the env, or the error reading it gave.</summary>
    public sealed class EnvironmentResult
    {
        public string Name { get; set; } = "";

        public EnvironmentInfo? Environment { get; set; }

        public ServiceError? Error { get; set; }
    }
}
