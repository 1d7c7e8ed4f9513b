using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>An env from creation to removal. See <see cref="LifecycleService"/>.</summary>
    public interface ILifecycleService
    {
        /// <summary>Creates an env from a request that names nothing of the caller's files (New-CodeEnv -FromVenv reads the venv first: <see cref="VenvAdoption"/>).</summary>
        [Requires(CallerRequirement.Creator, "create envs")]
        Task<EnvironmentInfo> CreateAsync(NewEnvironmentRequest request, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.Creator, "register venvs")]
        Task<EnvironmentInfo> RegisterAsync(string newName, string path, string? description, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "run Set-CodeEnv on", "name")]
        Task<EnvironmentInfo> SetAsync(string name, EnvironmentSettingsChange change, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "update", "name")]
        Task<EnvironmentInfo> UpdateAsync(string name, UpdateOptions options, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "test", "name")]
        /// <param name="verifyFiles">Also compare every installed file with the package store's hashes or its RECORD (reads and hashes the venv's files).</param>
        Task<HealthReport> TestAsync(string name, bool verifyFiles, CancellationToken cancellation);

        /// <summary>The env, if the caller may use it and it has a python: the caller then starts that python itself, as itself.</summary>
        [Requires(CallerRequirement.Use, "use", "name")]
        /// <param name="target">The container config of a run in the env's image (Invoke-CodeEnvPython -Target); null for a python started here. The use is recorded either way.</param>
        Task<EnvironmentInfo> UsableAsync(string name, string? target, CancellationToken cancellation);

        /// <summary>Archives the env (Disable-CodeEnv): the owner's right, as removal is, since it takes the env from every user.</summary>
        [Requires(CallerRequirement.Own, "archive", "name")]
        Task<EnvironmentInfo> DisableAsync(string name, bool keepVenv, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>Brings an archived env back (Enable-CodeEnv): the owner's right.</summary>
        [Requires(CallerRequirement.Own, "bring back", "name")]
        Task<EnvironmentInfo> EnableAsync(string name, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>
        /// The variables a process of the env gets (<see cref="RuntimeEnvironment"/>), its secret ones revealed: for a caller
        /// with Use, who then starts the env's python with them (Invoke-CodeEnvPython), as anyone who runs it could read them.
        /// </summary>
        [Requires(CallerRequirement.Use, "use", "name")]
        Task<IReadOnlyDictionary<string, string>> RunVariablesAsync(string name, CancellationToken cancellation);

        /// <summary>
        /// Begins putting a file of <paramref name="length"/> bytes at <paramref name="resourcePath"/> in the env's resources
        /// folder (UpdatePackages on the env, checked before anything is written); its bytes follow in chunks
        /// (<see cref="ArchiveUpload"/>), so the caller needs no access to the env folder.
        /// </summary>
        [Requires(CallerRequirement.UpdatePackages, "publish resources to", "name")]
        Task<string> BeginResourceAsync(string name, string resourcePath, long length, CancellationToken cancellation);

        [Requires(CallerRequirement.UpdatePackages, "publish resources to", "name")]
        Task ResourceChunkAsync(string name, string uploadId, byte[] content, CancellationToken cancellation);

        /// <summary>Puts the uploaded file in place, in one rename, once all its bytes arrived.</summary>
        [Requires(CallerRequirement.UpdatePackages, "publish resources to", "name")]
        Task<EnvironmentResource> EndResourceAsync(string name, string resourcePath, string uploadId, CancellationToken cancellation);

        [Requires(CallerRequirement.Own, "remove", "name")]
        /// <param name="force">Removes it even when consumers are declared for it (EnvironmentHasConsumers otherwise).</param>
        Task RemoveAsync(string name, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation);
    }
}
