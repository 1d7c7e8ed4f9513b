using System;

namespace CodeEnv.Errors
{
    /// <summary>
    /// The one exception type the engine lets escape. Its message says what was wrong and how to fix it;
    /// <see cref="ErrorId"/> is stable so scripts can test for it.
    /// </summary>
    public sealed class CodeEnvException : Exception
    {
        public CodeEnvException(ErrorKind kind, string errorId, string message, object? target = null, Exception? inner = null)
            : base(message, inner)
        {
            Kind = kind;
            ErrorId = errorId;
            Target = target;
        }

        public ErrorKind Kind { get; }

        public string ErrorId { get; }

        /// <summary>The item being processed when the error happened (an env name, a path, a line).</summary>
        public object? Target { get; }
    }
}
