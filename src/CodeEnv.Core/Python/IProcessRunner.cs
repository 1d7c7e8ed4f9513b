using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Python
{
    /// <summary>Starts a program and waits for it, passing on each line it writes. The engine starts every process through one.</summary>
    public interface IProcessRunner
    {
        /// <param name="onStartedInOwnGroup">Told the process group of a child started in its own group, so a lock holder can record it.</param>
        Task<ProcessResult> RunAsync(
            string executable,
            IReadOnlyList<string> arguments,
            Action<string>? onLine,
            CancellationToken cancellation,
            IReadOnlyDictionary<string, string?>? environment = null,
            Action<string>? onErrorLine = null,
            Action<int>? onStartedInOwnGroup = null,
            string? workingDirectory = null);
    }

    /// <summary>The operating system's processes, through <see cref="ProcessRunner"/>.</summary>
    public sealed class SystemProcessRunner : IProcessRunner
    {
        public static readonly SystemProcessRunner Instance = new SystemProcessRunner();

        public Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, Action<string>? onLine, CancellationToken cancellation, IReadOnlyDictionary<string, string?>? environment = null, Action<string>? onErrorLine = null, Action<int>? onStartedInOwnGroup = null, string? workingDirectory = null) =>
            ProcessRunner.RunAsync(executable, arguments, onLine, cancellation, environment, onErrorLine, onStartedInOwnGroup, workingDirectory);
    }
}
