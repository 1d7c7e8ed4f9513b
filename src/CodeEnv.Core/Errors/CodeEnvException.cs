using System;

namespace CodeEnv.Errors
{
    /// <summary>
    /// The one exception type the engine lets escape. Its message says what was wrong and how to fix it;
    /// <see cref="ErrorId"/> is stable so scripts can test for it.
    /// </summary>
    public sealed class CodeEnvException : Exception
    {
        /// <summary>An error of the kind <paramref name="error"/> always is.</summary>
        public CodeEnvException(ErrorId error, string message, object? target = null, Exception? inner = null)
            : this(error.Kind, error.Id, message, target, inner)
        {
        }

        /// <summary>
        /// An error whose id is not one of <see cref="ErrorIds"/>: built from a document's schema, or raised again as it
        /// arrived over a served root's connection. Every other error names its <see cref="Errors.ErrorId"/>.
        /// </summary>
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
