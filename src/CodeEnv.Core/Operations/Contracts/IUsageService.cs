using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Who uses an env: the consumers declared for it and the uses CodeEnv recorded, and the root's report of envs nobody
    /// used for a while. See <see cref="UsageService"/>. Declaring needs only Use: whoever may run an env may say that
    /// something of theirs depends on it, which is what its owner must learn before a change; removing another user's
    /// declaration needs the env's owner right (checked by the engine).
    /// </summary>
    public interface IUsageService
    {
        [Requires(CallerRequirement.Use, "declare a consumer of", "name")]
        Task<EnvironmentConsumer> AddConsumerAsync(string name, ConsumerDeclaration declaration, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "remove a consumer of", "name")]
        Task RemoveConsumerAsync(string name, ConsumerKind kind, string id, IProgress<OperationReport>? progress, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "read the consumers of", "name")]
        Task<IReadOnlyList<EnvironmentConsumer>> ConsumersAsync(string name, CancellationToken cancellation);

        [Requires(CallerRequirement.Use, "read the usages of", "name")]
        Task<IReadOnlyList<EnvironmentUsage>> UsagesAsync(string name, CancellationToken cancellation);

        /// <summary>The envs the caller may use that nobody used for <paramref name="days"/> (the root's UnusedAfterDays when null), oldest first.</summary>
        /// <param name="includeDeclared">Also envs that have declared consumers, which are left out by default: something says it depends on them.</param>
        [Requires(CallerRequirement.AnyLocalUser, "list the unused envs")]
        Task<IReadOnlyList<UnusedEnvironment>> UnusedAsync(int? days, bool includeDeclared, CancellationToken cancellation);
    }
}
