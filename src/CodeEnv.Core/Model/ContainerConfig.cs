using System.Linq;

namespace CodeEnv
{
    /// <summary>
    /// A container image that envs can be built into, defined by an administrator in the root settings (PowerShell
    /// type <c>CodeEnv.ContainerConfig</c>).
    /// </summary>
    public sealed class ContainerConfig
    {
        public string ConfigName { get; set; } = "";

        public string BaseImage { get; set; } = "";

        /// <summary>The Python interpreter inside the image that builds the venv.</summary>
        public string PythonPath { get; set; } = "python3";

        /// <summary>Dockerfile lines right after FROM, before anything of the env (DSS's "at start").</summary>
        public string DockerfileAtStart { get; set; } = "";

        /// <summary>Dockerfile lines after the venv and its tooling are made, before the env's packages are installed.</summary>
        public string DockerfileBeforePackages { get; set; } = "";

        /// <summary>Dockerfile lines after the env's packages are installed (DSS's "after packages").</summary>
        public string DockerfileFragment { get; set; } = "";

        /// <summary>Dockerfile lines at the very end, after the venv is put on PATH.</summary>
        public string DockerfileAtEnd { get; set; } = "";

        /// <summary>Whether an env's own Dockerfile lines (its ContainerDockerfile) go into its images of this config.</summary>
        public bool AllowEnvFragments { get; set; }

        /// <summary>Named, documented Dockerfile additions (<c>Containers/RuntimeAdditions</c>), applied before the end fragment.</summary>
        public System.Collections.Generic.List<string> RuntimeAdditions { get; set; } = new System.Collections.Generic.List<string>();

        /// <summary>The registry (host[:port][/path]) the env images of this config are pushed to; empty keeps them local.</summary>
        public string Registry { get; set; } = "";

        /// <summary>The root folder; not stored, filled in when read.</summary>
        [Newtonsoft.Json.JsonIgnore]
        public string Root { get; set; } = "";

        internal bool Includes(ContainerSelection selection) => Includes(selection.Mode, selection.Configs);

        public bool Includes(EnvironmentInfo environment) => Includes(environment.ContainerSelection, environment.ContainerConfig);

        private bool Includes(ContainerSelectionMode mode, System.Collections.Generic.IEnumerable<string> configs) =>
            mode == ContainerSelectionMode.All
            || (mode == ContainerSelectionMode.Selected && configs.Any(c => string.Equals(c, ConfigName, System.StringComparison.OrdinalIgnoreCase)));

        public override string ToString() => ConfigName;
    }
}
