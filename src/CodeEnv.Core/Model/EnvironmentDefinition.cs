using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// The stored definition of one environment: exactly what <c>env.json</c> holds, revisioned. Only
    /// <see cref="Store.EnvironmentStore"/> reads or writes it on disk; cmdlets see <see cref="EnvironmentInfo"/>.
    /// </summary>
    internal sealed class EnvironmentDefinition : IRevisionedDocument
    {
        public int SchemaVersion { get; set; }

        public string Name { get; set; } = "";

        public PythonSelection Python { get; set; } = new PythonSelection();

        public string Description { get; set; } = "";

        public string Owner { get; set; } = "";

        public bool UsableByAll { get; set; } = true;

        public List<GroupPermission> GroupPermissions { get; set; } = new List<GroupPermission>();

        public List<string> RequestedPackages { get; set; } = new List<string>();

        public List<string> PackageSets { get; set; } = new List<string>();

        public bool JupyterSupport { get; set; }

        public ContainerSelection Containers { get; set; } = new ContainerSelection();

        /// <summary>What the env needs at run time: its variables, init script and smoke test.</summary>
        public EnvironmentRuntime Runtime { get; set; } = new EnvironmentRuntime();

        /// <summary>
        /// The folder of a venv CodeEnv lists but does not manage (Register-CodeEnv); null for the envs CodeEnv builds in
        /// <c>envs/&lt;Name&gt;/venv</c>.
        /// </summary>
        public string? RegisteredVenv { get; set; }

        public string CreatedBy { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }

        public string UpdatedBy { get; set; } = "";

        public DateTimeOffset UpdatedAt { get; set; }

        public int Revision { get; set; }

        public EnvironmentDefinition Clone() => Json.Clone(this);
    }
}
