using System.Collections.Generic;
using System.Threading;

namespace CodeEnv.Operations
{
    /// <summary>The root's container configs. See <see cref="ContainerConfigService"/>.</summary>
    public interface IContainerConfigService
    {
        IReadOnlyList<ContainerConfig> Configs();

        ContainerConfig Add(ContainerConfig config);

        void Remove(string configName, bool force, IOperationReporter reporter, CancellationToken cancellation);
    }
}
