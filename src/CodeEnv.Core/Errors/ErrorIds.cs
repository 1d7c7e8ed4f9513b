namespace CodeEnv.Errors
{
    /// <summary>
    /// Every error id the engine and the cmdlets raise with a fixed kind, each beside its kind, grouped by kind. Ids that
    /// are built from a document's schema (<see cref="Store.DocumentSchema"/>: <c>RootSettingsFileNotFound</c>, ...) and ids
    /// that arrive over a served root's connection are not here: they keep the kind they were raised with.
    /// </summary>
    public static class ErrorIds
    {
        // InvalidArgument
        public static readonly ErrorId EnvironmentVariableInvalid = new ErrorId(nameof(EnvironmentVariableInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId ResourcePathInvalid = new ErrorId(nameof(ResourcePathInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId RuntimeAdditionUnknown = new ErrorId(nameof(RuntimeAdditionUnknown), ErrorKind.InvalidArgument);
        public static readonly ErrorId ContainerRegistryInvalid = new ErrorId(nameof(ContainerRegistryInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId AdvisoryApiUrlInvalid = new ErrorId(nameof(AdvisoryApiUrlInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId ArchiveLengthInvalid = new ErrorId(nameof(ArchiveLengthInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId ArchiveNameInvalid = new ErrorId(nameof(ArchiveNameInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId AllowedLicenseInvalid = new ErrorId(nameof(AllowedLicenseInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId BaseImageInvalid = new ErrorId(nameof(BaseImageInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId BasePackageProtected = new ErrorId(nameof(BasePackageProtected), ErrorKind.InvalidArgument);
        public static readonly ErrorId BasePackageRequested = new ErrorId(nameof(BasePackageRequested), ErrorKind.InvalidArgument);
        public static readonly ErrorId CodeEnvNameInvalid = new ErrorId(nameof(CodeEnvNameInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId CodeEnvRootFolderNotEmpty = new ErrorId(nameof(CodeEnvRootFolderNotEmpty), ErrorKind.InvalidArgument);
        public static readonly ErrorId CodeEnvRootPathIsFile = new ErrorId(nameof(CodeEnvRootPathIsFile), ErrorKind.InvalidArgument);
        public static readonly ErrorId ContainerContextFolderNotEmpty = new ErrorId(nameof(ContainerContextFolderNotEmpty), ErrorKind.InvalidArgument);
        public static readonly ErrorId ContainerSelectionInvalid = new ErrorId(nameof(ContainerSelectionInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId DeniedPackageInvalid = new ErrorId(nameof(DeniedPackageInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId DescriptionInvalid = new ErrorId(nameof(DescriptionInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId ExportFileInvalid = new ErrorId(nameof(ExportFileInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId ExportHasNoLock = new ErrorId(nameof(ExportHasNoLock), ErrorKind.InvalidArgument);
        public static readonly ErrorId FindLinksInvalid = new ErrorId(nameof(FindLinksInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId GroupNameInvalid = new ErrorId(nameof(GroupNameInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId IndexRuleInvalid = new ErrorId(nameof(IndexRuleInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId InterpreterCannotCreateVenv = new ErrorId(nameof(InterpreterCannotCreateVenv), ErrorKind.InvalidArgument);
        public static readonly ErrorId InterpreterNotKnownToService = new ErrorId(nameof(InterpreterNotKnownToService), ErrorKind.InvalidArgument);
        public static readonly ErrorId InterpreterNotPython = new ErrorId(nameof(InterpreterNotPython), ErrorKind.InvalidArgument);
        public static readonly ErrorId KeptVenvsInvalid = new ErrorId(nameof(KeptVenvsInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId UnusedAfterDaysInvalid = new ErrorId(nameof(UnusedAfterDaysInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId ConsumerInvalid = new ErrorId(nameof(ConsumerInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId KernelsFolderInvalid = new ErrorId(nameof(KernelsFolderInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId LastAdministrator = new ErrorId(nameof(LastAdministrator), ErrorKind.InvalidArgument);
        public static readonly ErrorId LockTimeoutInvalid = new ErrorId(nameof(LockTimeoutInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId NotAVenv = new ErrorId(nameof(NotAVenv), ErrorKind.InvalidArgument);
        public static readonly ErrorId PackageArchiveInvalid = new ErrorId(nameof(PackageArchiveInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId PackageSourceUrlInvalid = new ErrorId(nameof(PackageSourceUrlInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId PythonPathInvalid = new ErrorId(nameof(PythonPathInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId PythonVersionInvalid = new ErrorId(nameof(PythonVersionInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId PythonVersionMissing = new ErrorId(nameof(PythonVersionMissing), ErrorKind.InvalidArgument);
        public static readonly ErrorId RequirementDuplicated = new ErrorId(nameof(RequirementDuplicated), ErrorKind.InvalidArgument);
        public static readonly ErrorId RequirementInvalid = new ErrorId(nameof(RequirementInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId RequirementPathRelative = new ErrorId(nameof(RequirementPathRelative), ErrorKind.InvalidArgument);
        public static readonly ErrorId RequirementsFileInvalid = new ErrorId(nameof(RequirementsFileInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId SbomPathIsOneFile = new ErrorId(nameof(SbomPathIsOneFile), ErrorKind.InvalidArgument);
        public static readonly ErrorId SbomSpecVersionInvalid = new ErrorId(nameof(SbomSpecVersionInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId ServiceAccountNotFound = new ErrorId(nameof(ServiceAccountNotFound), ErrorKind.InvalidArgument);
        public static readonly ErrorId ServiceLimitInvalid = new ErrorId(nameof(ServiceLimitInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId TrustedHostInvalid = new ErrorId(nameof(TrustedHostInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId VenvInsideRoot = new ErrorId(nameof(VenvInsideRoot), ErrorKind.InvalidArgument);
        public static readonly ErrorId VenvVersionUnknown = new ErrorId(nameof(VenvVersionUnknown), ErrorKind.InvalidArgument);
        public static readonly ErrorId WheelFileNameInvalid = new ErrorId(nameof(WheelFileNameInvalid), ErrorKind.InvalidArgument);
        public static readonly ErrorId WildcardPatternInvalid = new ErrorId(nameof(WildcardPatternInvalid), ErrorKind.InvalidArgument);

        // AlreadyExists
        public static readonly ErrorId CodeEnvExists = new ErrorId(nameof(CodeEnvExists), ErrorKind.AlreadyExists);
        public static readonly ErrorId CodeEnvRootExists = new ErrorId(nameof(CodeEnvRootExists), ErrorKind.AlreadyExists);
        public static readonly ErrorId ContainerConfigExists = new ErrorId(nameof(ContainerConfigExists), ErrorKind.AlreadyExists);
        public static readonly ErrorId PackageAlreadyPublished = new ErrorId(nameof(PackageAlreadyPublished), ErrorKind.AlreadyExists);

        // NotFound
        public static readonly ErrorId AdvisoryDatabaseNotFound = new ErrorId(nameof(AdvisoryDatabaseNotFound), ErrorKind.NotFound);
        public static readonly ErrorId AdvisoryExportNotFound = new ErrorId(nameof(AdvisoryExportNotFound), ErrorKind.NotFound);
        public static readonly ErrorId ArchiveUploadNotFound = new ErrorId(nameof(ArchiveUploadNotFound), ErrorKind.NotFound);
        public static readonly ErrorId CodeEnvNotFound = new ErrorId(nameof(CodeEnvNotFound), ErrorKind.NotFound);
        public static readonly ErrorId CodeEnvRootNotConfigured = new ErrorId(nameof(CodeEnvRootNotConfigured), ErrorKind.NotFound);
        public static readonly ErrorId ContainerEngineNotFound = new ErrorId(nameof(ContainerEngineNotFound), ErrorKind.NotFound);
        public static readonly ErrorId ContainerImageNotBuilt = new ErrorId(nameof(ContainerImageNotBuilt), ErrorKind.NotFound);
        public static readonly ErrorId CodeEnvRootNotFound = new ErrorId(nameof(CodeEnvRootNotFound), ErrorKind.NotFound);
        public static readonly ErrorId ContainerConfigNotFound = new ErrorId(nameof(ContainerConfigNotFound), ErrorKind.NotFound);
        public static readonly ErrorId ExecutableNotFound = new ErrorId(nameof(ExecutableNotFound), ErrorKind.NotFound);
        public static readonly ErrorId InstalledPackageNotFound = new ErrorId(nameof(InstalledPackageNotFound), ErrorKind.NotFound);
        public static readonly ErrorId InterpreterMissing = new ErrorId(nameof(InterpreterMissing), ErrorKind.NotFound);
        public static readonly ErrorId InterpreterNotFound = new ErrorId(nameof(InterpreterNotFound), ErrorKind.NotFound);
        public static readonly ErrorId OwnerAccountNotFound = new ErrorId(nameof(OwnerAccountNotFound), ErrorKind.NotFound);
        public static readonly ErrorId PackageArchiveNotFound = new ErrorId(nameof(PackageArchiveNotFound), ErrorKind.NotFound);
        public static readonly ErrorId PackageNotRequested = new ErrorId(nameof(PackageNotRequested), ErrorKind.NotFound);
        public static readonly ErrorId ConsumerNotFound = new ErrorId(nameof(ConsumerNotFound), ErrorKind.NotFound);
        public static readonly ErrorId PackageSetNotFound = new ErrorId(nameof(PackageSetNotFound), ErrorKind.NotFound);
        public static readonly ErrorId PythonVersionNotFound = new ErrorId(nameof(PythonVersionNotFound), ErrorKind.NotFound);
        public static readonly ErrorId RequirementsFileNotFound = new ErrorId(nameof(RequirementsFileNotFound), ErrorKind.NotFound);
        public static readonly ErrorId RevisionNotFound = new ErrorId(nameof(RevisionNotFound), ErrorKind.NotFound);
        public static readonly ErrorId StoredWheelNotFound = new ErrorId(nameof(StoredWheelNotFound), ErrorKind.NotFound);

        // Busy
        public static readonly ErrorId CodeEnvBusy = new ErrorId(nameof(CodeEnvBusy), ErrorKind.Busy);
        public static readonly ErrorId ServiceBusy = new ErrorId(nameof(ServiceBusy), ErrorKind.Busy);
        public static readonly ErrorId ServiceNotResponding = new ErrorId(nameof(ServiceNotResponding), ErrorKind.Busy);

        // InvalidData
        public static readonly ErrorId EnvironmentSecretMissing = new ErrorId(nameof(EnvironmentSecretMissing), ErrorKind.InvalidData);
        public static readonly ErrorId AdvisoryDatabaseInvalid = new ErrorId(nameof(AdvisoryDatabaseInvalid), ErrorKind.InvalidData);
        public static readonly ErrorId ArchiveIncomplete = new ErrorId(nameof(ArchiveIncomplete), ErrorKind.InvalidData);
        public static readonly ErrorId ArchiveLengthExceeded = new ErrorId(nameof(ArchiveLengthExceeded), ErrorKind.InvalidData);
        public static readonly ErrorId ArtifactHashMismatch = new ErrorId(nameof(ArtifactHashMismatch), ErrorKind.InvalidData);
        public static readonly ErrorId CodeEnvRevisionConflict = new ErrorId(nameof(CodeEnvRevisionConflict), ErrorKind.InvalidData);
        public static readonly ErrorId ContainerConfigUseUnknown = new ErrorId(nameof(ContainerConfigUseUnknown), ErrorKind.InvalidData);
        public static readonly ErrorId ContainerContextInvalid = new ErrorId(nameof(ContainerContextInvalid), ErrorKind.InvalidData);
        public static readonly ErrorId EnvironmentFolderIsLink = new ErrorId(nameof(EnvironmentFolderIsLink), ErrorKind.InvalidData);
        public static readonly ErrorId ExportLockInvalid = new ErrorId(nameof(ExportLockInvalid), ErrorKind.InvalidData);
        public static readonly ErrorId MachineConfigDamaged = new ErrorId(nameof(MachineConfigDamaged), ErrorKind.InvalidData);
        public static readonly ErrorId PathIsLink = new ErrorId(nameof(PathIsLink), ErrorKind.InvalidData);
        public static readonly ErrorId SourceSecretMissing = new ErrorId(nameof(SourceSecretMissing), ErrorKind.InvalidData);
        public static readonly ErrorId VenvInterpreterReplaced = new ErrorId(nameof(VenvInterpreterReplaced), ErrorKind.InvalidData);
        public static readonly ErrorId WheelInvalid = new ErrorId(nameof(WheelInvalid), ErrorKind.InvalidData);
        public static readonly ErrorId WheelPathUnsafe = new ErrorId(nameof(WheelPathUnsafe), ErrorKind.InvalidData);
        public static readonly ErrorId WheelRecordMismatch = new ErrorId(nameof(WheelRecordMismatch), ErrorKind.InvalidData);

        // PermissionDenied
        public static readonly ErrorId AdministratorRequired = new ErrorId(nameof(AdministratorRequired), ErrorKind.PermissionDenied);
        public static readonly ErrorId CodeEnvPermissionDenied = new ErrorId(nameof(CodeEnvPermissionDenied), ErrorKind.PermissionDenied);
        public static readonly ErrorId IndexRuleViolated = new ErrorId(nameof(IndexRuleViolated), ErrorKind.PermissionDenied);
        public static readonly ErrorId LicenseNotAllowed = new ErrorId(nameof(LicenseNotAllowed), ErrorKind.PermissionDenied);
        public static readonly ErrorId NotServiceAccount = new ErrorId(nameof(NotServiceAccount), ErrorKind.PermissionDenied);
        public static readonly ErrorId OperationNotDeclared = new ErrorId(nameof(OperationNotDeclared), ErrorKind.PermissionDenied);
        public static readonly ErrorId PackageDenied = new ErrorId(nameof(PackageDenied), ErrorKind.PermissionDenied);
        public static readonly ErrorId RootMigrationFailed = new ErrorId(nameof(RootMigrationFailed), ErrorKind.PermissionDenied);
        public static readonly ErrorId RootNotWritable = new ErrorId(nameof(RootNotWritable), ErrorKind.PermissionDenied);
        public static readonly ErrorId ServiceAccessDenied = new ErrorId(nameof(ServiceAccessDenied), ErrorKind.PermissionDenied);
        public static readonly ErrorId ServiceAccountChownFailed = new ErrorId(nameof(ServiceAccountChownFailed), ErrorKind.PermissionDenied);

        // OperationFailed
        public static readonly ErrorId SmokeTestFailed = new ErrorId(nameof(SmokeTestFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId InitScriptFailed = new ErrorId(nameof(InitScriptFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId AdvisoryApiFailed = new ErrorId(nameof(AdvisoryApiFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId CodeEnvOperationFailed = new ErrorId(nameof(CodeEnvOperationFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId CodeEnvRemoveFailed = new ErrorId(nameof(CodeEnvRemoveFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId ContainerConfigInUse = new ErrorId(nameof(ContainerConfigInUse), ErrorKind.OperationFailed);
        public static readonly ErrorId ContainerConfigNotSelected = new ErrorId(nameof(ContainerConfigNotSelected), ErrorKind.OperationFailed);
        public static readonly ErrorId ContainerToolingUnavailable = new ErrorId(nameof(ContainerToolingUnavailable), ErrorKind.OperationFailed);
        public static readonly ErrorId ContainerBuildFailed = new ErrorId(nameof(ContainerBuildFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId ContainerPythonMismatch = new ErrorId(nameof(ContainerPythonMismatch), ErrorKind.OperationFailed);
        public static readonly ErrorId EnvAccessNotSet = new ErrorId(nameof(EnvAccessNotSet), ErrorKind.OperationFailed);
        public static readonly ErrorId FileWriteFailed = new ErrorId(nameof(FileWriteFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId MarkerEnvironmentUnavailable = new ErrorId(nameof(MarkerEnvironmentUnavailable), ErrorKind.OperationFailed);
        public static readonly ErrorId WheelTagsUnavailable = new ErrorId(nameof(WheelTagsUnavailable), ErrorKind.OperationFailed);
        public static readonly ErrorId ProcessExitLost = new ErrorId(nameof(ProcessExitLost), ErrorKind.OperationFailed);
        public static readonly ErrorId PythonCommandFailed = new ErrorId(nameof(PythonCommandFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId SandboxMissing = new ErrorId(nameof(SandboxMissing), ErrorKind.OperationFailed);
        public static readonly ErrorId ServiceConnectionLost = new ErrorId(nameof(ServiceConnectionLost), ErrorKind.OperationFailed);
        public static readonly ErrorId ServiceFailed = new ErrorId(nameof(ServiceFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId ServiceNotRunning = new ErrorId(nameof(ServiceNotRunning), ErrorKind.OperationFailed);
        public static readonly ErrorId StoredWheelInUse = new ErrorId(nameof(StoredWheelInUse), ErrorKind.OperationFailed);
        public static readonly ErrorId VenvCheckFailed = new ErrorId(nameof(VenvCheckFailed), ErrorKind.OperationFailed);
        public static readonly ErrorId VenvMissing = new ErrorId(nameof(VenvMissing), ErrorKind.OperationFailed);
        public static readonly ErrorId WheelInstallFailed = new ErrorId(nameof(WheelInstallFailed), ErrorKind.OperationFailed);

        // Stopped
        public static readonly ErrorId OperationStopped = new ErrorId(nameof(OperationStopped), ErrorKind.Stopped);
        public static readonly ErrorId ServiceStopped = new ErrorId(nameof(ServiceStopped), ErrorKind.Stopped);

        // InvalidOperation
        public static readonly ErrorId CodeEnvNotManaged = new ErrorId(nameof(CodeEnvNotManaged), ErrorKind.InvalidOperation);
        public static readonly ErrorId EnvironmentHasConsumers = new ErrorId(nameof(EnvironmentHasConsumers), ErrorKind.InvalidOperation);
        public static readonly ErrorId EnvironmentArchived = new ErrorId(nameof(EnvironmentArchived), ErrorKind.InvalidOperation);
        public static readonly ErrorId EnvironmentFrozen = new ErrorId(nameof(EnvironmentFrozen), ErrorKind.InvalidOperation);
        public static readonly ErrorId EnvironmentNeverUpdated = new ErrorId(nameof(EnvironmentNeverUpdated), ErrorKind.InvalidOperation);
        public static readonly ErrorId GatewayPathTooLong = new ErrorId(nameof(GatewayPathTooLong), ErrorKind.InvalidOperation);
        public static readonly ErrorId LockHasNoArtifacts = new ErrorId(nameof(LockHasNoArtifacts), ErrorKind.InvalidOperation);
        public static readonly ErrorId RegisterNotServed = new ErrorId(nameof(RegisterNotServed), ErrorKind.InvalidOperation);
        public static readonly ErrorId RootNotServed = new ErrorId(nameof(RootNotServed), ErrorKind.InvalidOperation);
        public static readonly ErrorId ServiceLimitOnDirectRoot = new ErrorId(nameof(ServiceLimitOnDirectRoot), ErrorKind.InvalidOperation);
        public static readonly ErrorId VulnerabilityFixForbidden = new ErrorId(nameof(VulnerabilityFixForbidden), ErrorKind.InvalidOperation);
        public static readonly ErrorId VulnerabilityHasNoFix = new ErrorId(nameof(VulnerabilityHasNoFix), ErrorKind.InvalidOperation);

        // LimitExceeded
        public static readonly ErrorId MessageTooLarge = new ErrorId(nameof(MessageTooLarge), ErrorKind.LimitExceeded);
        public static readonly ErrorId PublishTooLarge = new ErrorId(nameof(PublishTooLarge), ErrorKind.LimitExceeded);
        public static readonly ErrorId TooManyConnections = new ErrorId(nameof(TooManyConnections), ErrorKind.LimitExceeded);
        public static readonly ErrorId TooManyOperations = new ErrorId(nameof(TooManyOperations), ErrorKind.LimitExceeded);
    }
}
