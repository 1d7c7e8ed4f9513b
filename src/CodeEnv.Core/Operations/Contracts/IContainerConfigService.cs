using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>The root's container configs. See <see cref="ContainerConfigService"/>.</summary>
    public interface IContainerConfigService
    {
        [Requires(CallerRequirement.AnyLocalUser, "read the container configs")]
        Task<IReadOnlyList<ContainerConfig>> ConfigsAsync(CancellationToken cancellation);

        [Requires(CallerRequirement.Administrator, "define container configs")]
        Task<ContainerConfig> AddAsync(ContainerConfig config, CancellationToken cancellation);

        [Requires(CallerRequirement.Administrator, "remove container configs")]
        Task RemoveAsync(string configName, bool force, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>
        /// Builds the env's image for each of <paramref name="configNames"/> (every config that includes the env when
        /// empty) with the container engine on the engine's machine, pushes it with <paramref name="push"/>, and records it;
        /// an image that still reproduces the env is kept as it is unless <paramref name="force"/>.
        /// <paramref name="network"/> is the build's network (none unless asked: the context holds every archive).
        /// </summary>
        [Requires(CallerRequirement.UpdatePackages, "build the images of", "name")]
        Task<IReadOnlyList<ContainerImage>> BuildImagesAsync(string name, IReadOnlyList<string> configNames, bool push, bool force, string network, IProgress<OperationReport>? progress, CancellationToken cancellation);

        /// <summary>The images built of the env, each with whether it still reproduces the env in its config.</summary>
        [Requires(CallerRequirement.Use, "read the images of", "name")]
        Task<IReadOnlyList<ContainerImage>> ImagesAsync(string name, CancellationToken cancellation);
    }
}
