using CodeEnv.Python;
using CodeEnv.Security;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The engine of one root, by task: each property is a service with one job and typed methods, and every change
    /// goes through the same transaction and access policy. Cmdlets call one method of one service.
    /// </summary>
    public sealed class CodeEnvEngine : ICodeEnvEngine
    {
        private readonly PublishUploads uploads;

        /// <param name="root">The root folder.</param>
        /// <param name="identity">Who calls: the OS user in a cmdlet; the peer of a connection in a service.</param>
        /// <param name="clock">The time every revision, status and log is stamped with.</param>
        /// <param name="processes">How python, venv and pip are started; by default the OS's processes.</param>
        /// <param name="interpreters">How Python interpreters are found; by default as this machine has them.</param>
        /// <param name="maxPublishBytes">The largest archive Publish-CodeEnvPackage takes: the service's limit on a served root.</param>
        public CodeEnvEngine(string root, IIdentityProvider identity, IClock clock, IProcessRunner? processes = null, IInterpreterDiscovery? interpreters = null, long maxPublishBytes = long.MaxValue)
        {
            var context = new EngineContext(new RootPaths(root), identity, clock, processes ?? SystemProcessRunner.Instance, interpreters ?? MachineInterpreters.Instance);
            uploads = new PublishUploads(() => context.Settings().Service != null ? context.Paths.ServiceWorkFolder : context.Paths.UploadsFolder, maxPublishBytes, root);
            Root = new RootService(context);
            Environments = new EnvironmentCatalog(context);
            Lifecycle = new LifecycleService(context, uploads);
            Packages = new PackageService(context, uploads);
            Permissions = new PermissionService(context);
            History = new HistoryService(context, Lifecycle.Updater);
            Transfer = new TransferService(context, Lifecycle);
            Containers = new ContainerConfigService(context, Environments);
            Store = new StoreService(context);
            Advisories = new AdvisoryService(context, uploads, Lifecycle.Updater);
            Usages = new UsageService(context);
            Gate = new AccessGate(context);
        }

        /// <summary>What the service checks before it dispatches a request.</summary>
        internal AccessGate Gate { get; }

        /// <summary>The root's settings.</summary>
        public RootService Root { get; }

        /// <summary>Reading envs: snapshots, installed packages, logs.</summary>
        public EnvironmentCatalog Environments { get; }

        /// <summary>Create, set, update, test, run, remove.</summary>
        public LifecycleService Lifecycle { get; }

        /// <summary>Requested packages, package sets, the wheelhouse.</summary>
        public PackageService Packages { get; }

        public PermissionService Permissions { get; }

        /// <summary>Revisions of envs and of the root settings; restore.</summary>
        public HistoryService History { get; }

        /// <summary>Export, import, container build contexts.</summary>
        public TransferService Transfer { get; }

        public ContainerConfigService Containers { get; }

        /// <summary>The package store: what it holds, who uses it, prune.</summary>
        public StoreService Store { get; }

        /// <summary>Advisories: the offline database, audits, raising affected packages.</summary>
        public AdvisoryService Advisories { get; }

        /// <summary>Declared consumers, recorded usages, the unused report.</summary>
        public UsageService Usages { get; }

        /// <summary>Deletes an archive whose publishing was begun and not ended.</summary>
        public void Dispose() => uploads.Dispose();

        IRootService ICodeEnvEngine.Root => Root;

        IEnvironmentCatalog ICodeEnvEngine.Environments => Environments;

        ILifecycleService ICodeEnvEngine.Lifecycle => Lifecycle;

        IPackageService ICodeEnvEngine.Packages => Packages;

        IPermissionService ICodeEnvEngine.Permissions => Permissions;

        IHistoryService ICodeEnvEngine.History => History;

        ITransferService ICodeEnvEngine.Transfer => Transfer;

        IContainerConfigService ICodeEnvEngine.Containers => Containers;

        IStoreService ICodeEnvEngine.Store => Store;

        IAdvisoryService ICodeEnvEngine.Advisories => Advisories;

        IUsageService ICodeEnvEngine.Usages => Usages;
    }
}
