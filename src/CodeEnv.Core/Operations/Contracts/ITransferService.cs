using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Export, copy, import, container build contexts. See <see cref="TransferService"/>. Paths name the caller's
    /// files: on a served root the caller's process reads and writes them, never the service.
    /// </summary>
    public interface ITransferService
    {
        void Export(string name, string path);

        Task<EnvironmentInfo> CopyAsync(string name, string newName, bool locked, IOperationReporter reporter, CancellationToken cancellation);

        Task<EnvironmentInfo> ImportAsync(string path, string? newName, bool locked, IOperationReporter reporter, CancellationToken cancellation);

        /// <summary>Writes the env's container build context into a new or empty folder; returns the full path of every file written.</summary>
        IReadOnlyList<string> ExportContainerFile(string name, string configName, string folder);
    }
}
