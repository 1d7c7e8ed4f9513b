using System;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The engine of one root as cmdlets see it, and the one contract of both kinds of root: in this process on a direct
    /// root (<see cref="CodeEnvEngine"/>), or in the CodeEnv service on a served root, where each of these services is
    /// exposed as it is (Service/ServedConnection) and called through a proxy of the same interface
    /// (Service/RemoteEngine). Every method is asynchronous, declares what its caller must hold
    /// (<see cref="Security.RequiresAttribute"/>), and takes and gives content, never a path of the caller's: the
    /// cmdlets read and write the caller's files on either kind of root. Adding an operation is a method here, its
    /// implementation in the engine, and a cmdlet.
    /// </summary>
    public interface ICodeEnvEngine : IDisposable
    {
        IRootService Root { get; }

        IEnvironmentCatalog Environments { get; }

        ILifecycleService Lifecycle { get; }

        IPackageService Packages { get; }

        IPermissionService Permissions { get; }

        IHistoryService History { get; }

        ITransferService Transfer { get; }

        IContainerConfigService Containers { get; }

        IStoreService Store { get; }

        IAdvisoryService Advisories { get; }

        IUsageService Usages { get; }
    }
}
