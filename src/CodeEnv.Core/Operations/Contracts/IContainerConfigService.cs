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
    }
}
