using CodeEnv.Errors;

namespace CodeEnv.Service
{
    /// <summary>An engine error as it crosses the wire: the caller rebuilds the same <see cref="CodeEnvException"/>.</summary>
    public sealed class ServiceError
    {
        /// <summary>JSON-RPC's error code for every CodeEnv error (the server-error range the spec leaves to applications).</summary>
        public const int Code = -32050;

        public ErrorKind Kind { get; set; }

        public string ErrorId { get; set; } = "";

        public string Message { get; set; } = "";

        /// <summary>The target as text: an env name, a path or a line.</summary>
        public string? Target { get; set; }

        public static ServiceError Of(CodeEnvException e) => new ServiceError { Kind = e.Kind, ErrorId = e.ErrorId, Message = e.Message, Target = e.Target?.ToString() };

        public CodeEnvException ToException() => new CodeEnvException(Kind, ErrorId, Message, Target);
    }
}
