using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Operations
{
    /// <summary>An env from creation to removal. See <see cref="LifecycleService"/>.</summary>
    public interface ILifecycleService
    {
        Task<EnvironmentInfo> CreateAsync(NewEnvironmentRequest request, IOperationReporter reporter, CancellationToken cancellation);

        Task<EnvironmentInfo> RegisterAsync(string name, string path, string? description, IOperationReporter reporter, CancellationToken cancellation);

        EnvironmentInfo Set(string name, EnvironmentSettingsChange change, IOperationReporter reporter, CancellationToken cancellation);

        Task<EnvironmentInfo> UpdateAsync(string name, UpdateOptions options, IOperationReporter reporter, CancellationToken cancellation);

        Task<HealthReport> TestAsync(string name, CancellationToken cancellation);

        void Remove(string name, IOperationReporter reporter, CancellationToken cancellation);

        /// <summary>Runs the env's python as the caller, in the caller's process: on a served root the OS decides whether the caller may.</summary>
        Task<int> RunPythonAsync(string name, IReadOnlyList<string> arguments, string? workingDirectory, Action<string> onOutput, Action<string> onError, CancellationToken cancellation);
    }
}
