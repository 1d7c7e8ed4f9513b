using System;
using System.Collections.Generic;

namespace CodeEnv.Sbom
{
    /// <summary>What an env's SBOM describes: the env at a revision, its interpreter, its distributions and the graph between them.</summary>
    public sealed class SbomSubject
    {
        public string EnvironmentName { get; set; } = "";

        /// <summary>The definition revision the installed set was installed for.</summary>
        public int Revision { get; set; }

        public string Description { get; set; } = "";

        public DateTimeOffset InstalledAt { get; set; }

        /// <summary>The lines the set was installed from, base first.</summary>
        public IReadOnlyList<string> Requirements { get; set; } = Array.Empty<string>();

        /// <summary>The interpreter's marker values (implementation_name, python_full_version, sys_platform, ...).</summary>
        public IReadOnlyDictionary<string, string> Markers { get; set; } = new Dictionary<string, string>();

        public string PythonVersion { get; set; } = "";

        public string InterpreterPath { get; set; } = "";

        public IReadOnlyList<SbomDistribution> Distributions { get; set; } = Array.Empty<SbomDistribution>();

        /// <summary>The distributions the env's lines name directly, by normalized name.</summary>
        public IReadOnlyCollection<string> Direct { get; set; } = Array.Empty<string>();

        /// <summary>Each distribution's installed dependencies, by normalized name.</summary>
        public IReadOnlyDictionary<string, IReadOnlyCollection<string>> DependsOn { get; set; } = new Dictionary<string, IReadOnlyCollection<string>>();
    }
}
