using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Containers;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Export, copy, import, container build contexts. See <see cref="TransferService"/>. What crosses is content (the
    /// export document's text, the build context's files); the caller reads and writes its own files, on either kind of
    /// root.
    /// </summary>
    public interface ITransferService
    {
        /// <summary>The export document's text in the format asked for; the caller writes it where it wants.</summary>
        [Requires(CallerRequirement.Use, "export", "name")]
        Task<string> ExportAsync(string name, ExportFormat format, CancellationToken cancellation);

        /// <summary>The env's CycloneDX SBOM (JSON, <paramref name="specVersion"/> 1.6 or 1.5) of its installed set; the caller writes it where it wants.</summary>
        [Requires(CallerRequirement.Use, "export an SBOM of", "name")]
        Task<string> SbomAsync(string name, string specVersion, CancellationToken cancellation);

        [Requires(CallerRequirement.Creator, "create envs")]
        [Requires(CallerRequirement.Use, "copy", "name")]
        Task<EnvironmentInfo> CopyAsync(string name, string newName, bool locked, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>Creates an env from an export document's text, which the caller read; <paramref name="source"/> names where it came from, in errors only.</summary>
        [Requires(CallerRequirement.Creator, "create envs")]
        Task<EnvironmentInfo> ImportAsync(string document, string source, string? newName, bool locked, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>The env's container build context for the config: every file and folder, byte for byte; the caller writes them into its folder (<see cref="ContextFolder"/>).</summary>
        [Requires(CallerRequirement.Use, "export a container build context of", "name")]
        Task<IReadOnlyList<ContextFile>> ContainerContextAsync(string name, string configName, CancellationToken cancellation);
    }
}
