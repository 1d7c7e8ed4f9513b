using System.Collections.Generic;
using System.Threading;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>Group rights on envs. See <see cref="PermissionService"/>.</summary>
    public interface IPermissionService
    {
        IReadOnlyList<PermissionEntry> Get(string name);

        EnvironmentInfo Grant(string name, string group, GroupRight right, IOperationReporter reporter, CancellationToken cancellation);

        EnvironmentInfo Revoke(string name, string group, GroupRight? right, IOperationReporter reporter, CancellationToken cancellation);
    }
}
