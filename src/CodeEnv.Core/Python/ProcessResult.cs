using System.Collections.Generic;

namespace CodeEnv.Python
{
    public sealed class ProcessResult
    {
        public ProcessResult(int exitCode, IReadOnlyList<string> standardOutput, IReadOnlyList<string> standardError)
        {
            ExitCode = exitCode;
            StandardOutput = standardOutput;
            StandardError = standardError;
        }

        public int ExitCode { get; }

        public IReadOnlyList<string> StandardOutput { get; }

        public IReadOnlyList<string> StandardError { get; }
    }
}
