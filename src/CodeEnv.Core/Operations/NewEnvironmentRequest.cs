using System.Collections.Generic;

namespace CodeEnv.Operations
{
    public sealed class NewEnvironmentRequest
    {
        public string Name { get; set; } = "";

        /// <summary>A version such as 3.11; the newest discovered matching interpreter is used.</summary>
        public string? PythonVersion { get; set; }

        /// <summary>An exact interpreter path; used instead of <see cref="PythonVersion"/>.</summary>
        public string? InterpreterPath { get; set; }

        public string Description { get; set; } = "";

        /// <summary>Requested lines, in requirements.txt format.</summary>
        public IReadOnlyList<string> Requirements { get; set; } = new List<string>();

        /// <summary>Names of root package sets whose lines are added to the requested list.</summary>
        public IReadOnlyList<string> PackageSets { get; set; } = new List<string>();

        /// <summary>Adds the Jupyter kernel package to the env's base packages.</summary>
        public bool JupyterSupport { get; set; }

        /// <summary>Which container configs include the env; each named config must exist.</summary>
        public ContainerSelectionMode ContainerSelection { get; set; } = ContainerSelectionMode.None;

        public IReadOnlyList<string> ContainerConfigs { get; set; } = new List<string>();

        /// <summary>Set by Import-CodeEnv: the rest of an exported definition, and exact versions to install.</summary>
        internal EnvironmentExport? Imported { get; set; }

        internal IReadOnlyList<string> Constraints { get; set; } = new List<string>();

        /// <summary>The lock a locked copy or import reproduces, whose files' hashes the install checks; null otherwise.</summary>
        internal IReadOnlyList<LockedPackage>? Lock { get; set; }

        /// <summary>Only record the definition; the venv is built by a later update.</summary>
        public bool NoInstall { get; set; }
    }
}
