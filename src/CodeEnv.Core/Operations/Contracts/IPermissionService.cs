using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>Group rights on envs. See <see cref="PermissionService"/>.</summary>
    public interface IPermissionService
    {
        [Requires(CallerRequirement.Use, "read the permissions of", "name")]
        Task<IReadOnlyList<PermissionEntry>> GetAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.ManageUsers, "change the permissions of", "name")]
        Task<EnvironmentInfo> GrantAsync(string name, string group, GroupRight right, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.ManageUsers, "change the permissions of", "name")]
        Task<EnvironmentInfo> RevokeAsync(string name, string group, GroupRight? right, IProgress<OperationReport>? progress, CancellationToken cancellation);
    }
}
