using CodeEnv.Errors;

namespace CodeEnv.Operations
{
    /// <summary>One env of a listing: the env, or the error reading it gave.</summary>
    public sealed class EnvironmentResult
    {
        public string Name { get; set; } = "";

        public EnvironmentInfo? Environment { get; set; }

        public ErrorData? Error { get; set; }
    }
}
