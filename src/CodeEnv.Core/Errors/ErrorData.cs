namespace CodeEnv.Errors
{
    /// <summary>
    /// An engine error as data: how it crosses the service's connection, and how a listing carries the error of one of
    /// its items. <see cref="ToException"/> gives back the same <see cref="CodeEnvException"/>.
    /// </summary>
    public sealed class ErrorData
    {
        public ErrorKind Kind { get; set; }

        public string ErrorId { get; set; } = "";

        public string Message { get; set; } = "";

        /// <summary>The target as text: an env name, a path or a line.</summary>
        public string? Target { get; set; }

        public static ErrorData Of(CodeEnvException e) => new ErrorData { Kind = e.Kind, ErrorId = e.ErrorId, Message = e.Message, Target = e.Target?.ToString() };

        public CodeEnvException ToException() => new CodeEnvException(Kind, ErrorId, Message, Target);
    }
}
