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
        internal EnvironmentInfo(string root, string path, string venvPath, string pythonPath, EnvironmentDefinition definition, EnvironmentState state, string? stateDetail, DateTimeOffset? lastUsed)
        {
            Root = root;
            Path = path;
            VenvPath = venvPath;
            PythonPath = pythonPath;
            Name = definition.Name;
            PythonVersion = definition.Python.Version;
            Interpreter = definition.Python.Interpreter;
            Description = definition.Description;
            Owner = definition.Owner;
            UsableByAll = definition.UsableByAll;
            GroupPermissions = definition.GroupPermissions.Select(GroupGrant.Of).ToList();
            RequestedPackages = definition.RequestedPackages.ToArray();
            PackageSets = definition.PackageSets.ToArray();
            JupyterSupport = definition.JupyterSupport;
            ContainerSelection = definition.Containers.Mode;
            ContainerConfig = definition.Containers.Configs.ToArray();
            State = state;
            StateDetail = stateDetail;
            CreatedBy = definition.CreatedBy;
            CreatedAt = definition.CreatedAt;
            UpdatedBy = definition.UpdatedBy;
            UpdatedAt = definition.UpdatedAt;
            Revision = definition.Revision;
            Managed = definition.RegisteredVenv == null;
            LastUsed = lastUsed;
        }

        public string Name { get; }

        public string Root { get; }

        /// <summary>The Python version the env was made with (New-CodeEnv -PythonVersion).</summary>
        public string PythonVersion { get; }

        /// <summary>The base interpreter the venv was made from (New-CodeEnv -Interpreter).</summary>
        public string Interpreter { get; }

        /// <summary>The environment's folder, <c>envs/&lt;Name&gt;</c> under the root.</summary>
        public string Path { get; }

        public string VenvPath { get; }

        /// <summary>The venv's own python executable.</summary>
        public string PythonPath { get; }

        public string Description { get; }

        public string Owner { get; }

        public bool UsableByAll { get; }

        /// <summary>Each group's right (Grant-CodeEnvPermission); the owner and UsableByAll are not listed here.</summary>
        public IReadOnlyList<GroupGrant> GroupPermissions { get; }

        /// <summary>The requested requirement lines (New-CodeEnv -Requirement, Set-CodeEnvPackage).</summary>
        public string[] RequestedPackages { get; }

        /// <summary>The package sets added (New-CodeEnv -PackageSet, Add-CodeEnvPackageSet).</summary>
        public string[] PackageSets { get; }

        public bool JupyterSupport { get; }

        public ContainerSelectionMode ContainerSelection { get; }

        /// <summary>The container configs selected when <see cref="ContainerSelection"/> is Selected.</summary>
        public string[] ContainerConfig { get; }

        public EnvironmentState State { get; }

        /// <summary>Why the env is Failed or Outdated, in words for the admin.</summary>
        public string? StateDetail { get; }

        public string CreatedBy { get; }

        public DateTimeOffset CreatedAt { get; }

        public string UpdatedBy { get; }

        public DateTimeOffset UpdatedAt { get; }

        public int Revision { get; }

        /// <summary>False for a venv listed with Register-CodeEnv, which package commands and Update-CodeEnv leave alone.</summary>
        public bool Managed { get; }

        /// <summary>
        /// When the env's python was last started, from the access time of the venv's pyvenv.cfg, which every start of
        /// its python reads; null when the venv has none. Under the usual relatime mount option the system updates it at
        /// most once a day, so it answers "used in the last N days", not "used in the last minute"; under noatime it
        /// stays at the creation time.
        /// </summary>
        public DateTimeOffset? LastUsed { get; }

        public override string ToString() => Name;
    }
}
