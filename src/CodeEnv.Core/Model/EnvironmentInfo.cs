using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv
{
    /// <summary>
    /// One environment as cmdlets emit it (PowerShell type <c>CodeEnv.EnvironmentInfo</c>): a read-only snapshot of its
    /// definition, its lifecycle state and where it lives. Property names are the parameter names of the cmdlets that
    /// take them, so <c>Get-CodeEnv a | New-CodeEnv -Name b</c> copies a definition and <c>Name</c> and <c>Root</c>
    /// bind to every other CodeEnv cmdlet.
    /// </summary>
    public sealed class EnvironmentInfo
    {
        internal EnvironmentInfo(string root, string path, string venvPath, string pythonPath, EnvironmentDefinition definition, EnvironmentState state, string? stateDetail, DateTimeOffset? lastUsed, long venvSize, long keptVenvsSize, IReadOnlyList<string>? outdatedImages = null, FreezeRecord? freeze = null, ArchiveRecord? archive = null)
        {
            Root = root;
            Path = path;
            VenvPath = venvPath;
            PythonPath = pythonPath;
            Name = definition.Name;
            PythonVersion = InterpreterVersion.Parse(definition.Python.Version);
            Interpreter = definition.Python.Interpreter;
            Description = definition.Description;
            Owner = definition.Owner;
            UsableByAll = definition.UsableByAll;
            GroupPermissions = new ItemList<GroupGrant>(definition.GroupPermissions.Where(GroupGrant.GivesRight).Select(GroupGrant.Of));
            RequestedPackages = new ItemList<string>(definition.RequestedPackages);
            PackageSets = new ItemList<string>(definition.PackageSets);
            JupyterSupport = definition.JupyterSupport;
            ContainerSelection = definition.Containers.Mode;
            ContainerConfig = new ItemList<string>(definition.Containers.Configs);
            ContainerDockerfile = (definition.Containers.Dockerfile ?? new DockerfileFragments()).Copy();
            OutdatedImages = new ItemList<string>(outdatedImages ?? Array.Empty<string>());
            var runtime = definition.Runtime ?? new EnvironmentRuntime();
            EnvironmentVariables = new RuntimeVariables(runtime.Variables);
            SecretVariables = new ItemList<string>(runtime.SecretVariables);
            InitScript = runtime.InitScript;
            SmokeTest = runtime.SmokeTest;
            SmokeTestScript = runtime.SmokeTestScript;
            State = state;
            StateDetail = stateDetail;
            CreatedBy = definition.CreatedBy;
            CreatedAt = definition.CreatedAt;
            UpdatedBy = definition.UpdatedBy;
            UpdatedAt = definition.UpdatedAt;
            Revision = definition.Revision;
            Managed = definition.RegisteredVenv == null;
            LastUsed = lastUsed;
            VenvSize = venvSize;
            KeptVenvsSize = keptVenvsSize;
            FrozenRevision = freeze?.Revision;
            FrozenAt = freeze?.FrozenAt;
            FrozenBy = freeze?.FrozenBy;
            FrozenReason = freeze?.Reason;
            Archived = archive != null;
            ArchivedAt = archive?.ArchivedAt;
            ArchivedBy = archive?.ArchivedBy;
        }

        public string Name { get; }

        public string Root { get; }

        /// <summary>The Python version the env was made with (New-CodeEnv -PythonVersion); sorts as a version.</summary>
        public InterpreterVersion PythonVersion { get; }

        /// <summary>The base interpreter the venv was made from (New-CodeEnv -Interpreter).</summary>
        public string Interpreter { get; }

        /// <summary>The environment's folder, <c>envs/&lt;Name&gt;</c> under the root.</summary>
        public string Path { get; }

        /// <summary>
        /// The env's stable venv path, what jobs, kernels and activate use. For an env CodeEnv manages it leads to the
        /// current venv generation (envs/&lt;Name&gt;/venvs/&lt;n&gt;); an update switches it in one step.
        /// </summary>
        public string VenvPath { get; }

        /// <summary>The venv's python through the stable path: a process it starts keeps the venv generation it started in.</summary>
        public string PythonPath { get; }

        public string Description { get; }

        public string Owner { get; }

        public bool UsableByAll { get; }

        /// <summary>Each group's right (Grant-CodeEnvPermission); the owner and UsableByAll are not listed here.</summary>
        public ItemList<GroupGrant> GroupPermissions { get; }

        /// <summary>The requested requirement lines (New-CodeEnv -Requirement, Set-CodeEnvPackage).</summary>
        public ItemList<string> RequestedPackages { get; }

        /// <summary>The package sets added (New-CodeEnv -PackageSet, Add-CodeEnvPackageSet).</summary>
        public ItemList<string> PackageSets { get; }

        public bool JupyterSupport { get; }

        public ContainerSelectionMode ContainerSelection { get; }

        /// <summary>The container configs selected when <see cref="ContainerSelection"/> is Selected.</summary>
        public ItemList<string> ContainerConfig { get; }

        /// <summary>The env's own Dockerfile lines, used by the container configs that allow them.</summary>
        public DockerfileFragments ContainerDockerfile { get; }

        /// <summary>
        /// The container configs whose newest image of the env no longer reproduces it (the env or the config changed
        /// since it was built; Get-CodeEnvImage and Test-CodeEnv also tell a base image that moved).
        /// </summary>
        public ItemList<string> OutdatedImages { get; }

        /// <summary>The variables every process of the env gets (Invoke-CodeEnvPython, its kernel, its activate scripts, its images).</summary>
        public RuntimeVariables EnvironmentVariables { get; }

        /// <summary>The names of its secret variables; their values are shown nowhere.</summary>
        public ItemList<string> SecretVariables { get; }

        /// <summary>The script in its resources folder an update runs in the new venv after installing, or null.</summary>
        public string? InitScript { get; }

        /// <summary>The python code a new venv must run without error before it serves, or null.</summary>
        public string? SmokeTest { get; }

        /// <summary>The script in its resources folder a new venv must run without error before it serves, or null.</summary>
        public string? SmokeTestScript { get; }

        public EnvironmentState State { get; }

        /// <summary>Why the env is Failed or Outdated, in words for the admin.</summary>
        public string? StateDetail { get; }

        /// <summary>
        /// Whether Update-CodeEnv would change something, which a maintenance job filters on
        /// (<c>Get-CodeEnv | Where-Object NeedsUpdate | Update-CodeEnv</c>): the env's venv is CodeEnv's and its state is
        /// Outdated (the definition changed since the venv was built, or it was never built), Failed (the last update
        /// failed; the definition is kept) or Interrupted (an operation was killed halfway). Not for Ready, nor while
        /// an operation runs (Creating, Updating, Removing), nor for a registered venv, which Update-CodeEnv leaves alone.
        /// </summary>
        public bool NeedsUpdate =>
            Managed && !Archived && (State == EnvironmentState.Outdated || State == EnvironmentState.Failed || State == EnvironmentState.Interrupted);

        public string CreatedBy { get; }

        public DateTimeOffset CreatedAt { get; }

        public string UpdatedBy { get; }

        public DateTimeOffset UpdatedAt { get; }

        public int Revision { get; }

        /// <summary>False for a venv listed with Register-CodeEnv, which package commands and Update-CodeEnv leave alone.</summary>
        public bool Managed { get; }

        /// <summary>
        /// When the env's python was last started, from the access time of its stable entry point (venv/bin/python),
        /// which every start through the stable path reads (pyvenv.cfg for a venv not made by CodeEnv); null when there
        /// is none. Under the usual relatime mount option the system updates it at most once a day, so it answers "used
        /// in the last N days", not "used in the last minute"; under noatime it stays at the creation time.
        /// </summary>
        public DateTimeOffset? LastUsed { get; }

        /// <summary>
        /// Since when nobody has used the env, never null, which a cleanup job compares
        /// (<c>Get-CodeEnv | Where-Object IdleSince -lt ([DateTimeOffset]::UtcNow.AddDays(-90))</c>): <see cref="LastUsed"/>
        /// for an env that has a venv (the time it was built, until its python first starts), and <see cref="CreatedAt"/>
        /// for one that never had one, so an env created a minute ago is never taken for an idle one.
        /// </summary>
        public DateTimeOffset IdleSince => LastUsed ?? CreatedAt;

        /// <summary>Bytes on disk of the venv that serves, measured when it was built (0 before the first build).</summary>
        public long VenvSize { get; }

        /// <summary>Bytes on disk of the earlier venvs kept for rollback (Set-CodeEnvRoot -KeptVenvs).</summary>
        public long KeptVenvsSize { get; }

        /// <summary>Whether the env is frozen (Lock-CodeEnv): its content changes are refused until Unlock-CodeEnv.</summary>
        public bool Frozen => FrozenRevision != null;

        /// <summary>The revision the env is frozen at; null when it is not frozen.</summary>
        public int? FrozenRevision { get; }

        public DateTimeOffset? FrozenAt { get; }

        public string? FrozenBy { get; }

        /// <summary>Why it was frozen (Lock-CodeEnv -Reason).</summary>
        public string? FrozenReason { get; }

        /// <summary>Whether the env is archived (Disable-CodeEnv): Get-CodeEnv lists it only with -IncludeArchived or by its name.</summary>
        public bool Archived { get; }

        public DateTimeOffset? ArchivedAt { get; }

        public string? ArchivedBy { get; }

        public override string ToString() => Name;
    }
}
