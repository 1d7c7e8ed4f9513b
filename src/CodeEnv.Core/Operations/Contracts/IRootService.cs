using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Security;

namespace CodeEnv.Operations
{
    /// <summary>A root's settings. See <see cref="RootService"/>.</summary>
    public interface IRootService
    {
        [Requires(CallerRequirement.AnyLocalUser, "read the settings")]
        Task<RootSettings> SettingsAsync(CancellationToken cancellation);

        [Requires(CallerRequirement.Administrator, "change the root settings")]
        Task<RootSettings> ChangeAsync(RootSettingsChange change, CancellationToken cancellation);
    }
}
