namespace CodeEnv.Operations
{
    /// <summary>
    /// The engine of one root as cmdlets see it: in this process on a direct root (<see cref="CodeEnvEngine"/>), or in
    /// the CodeEnv service on a served root (<see cref="Service.RemoteEngine"/>). The same typed methods either way.
    /// </summary>
    public interface ICodeEnvEngine
    {
        IRootService Root { get; }

        IEnvironmentCatalog Environments { get; }

        ILifecycleService Lifecycle { get; }

        IPackageService Packages { get; }

        IPermissionService Permissions { get; }

        IHistoryService History { get; }

        ITransferService Transfer { get; }

        IContainerConfigService Containers { get; }
    }
}
