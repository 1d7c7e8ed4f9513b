namespace CodeEnv.Operations
{
    /// <summary>What Set-CodeEnv changes; a null member is left as it is.</summary>
    public sealed class EnvironmentSettingsChange
    {
        public string? Description { get; set; }

        public string? Owner { get; set; }

        public bool? UsableByAll { get; set; }

        public bool? JupyterSupport { get; set; }

        /// <summary>Which container configs include the env; null leaves the selection as it is.</summary>
        public ContainerSelectionMode? ContainerSelection { get; set; }

        public System.Collections.Generic.IReadOnlyList<string> ContainerConfigs { get; set; } = new string[0];

        /// <summary>The env's own Dockerfile lines; null leaves them as they are.</summary>
        public DockerfileFragments? ContainerDockerfile { get; set; }
    }
}
