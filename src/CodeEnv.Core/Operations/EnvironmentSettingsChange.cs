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

        /// <summary>Variables to set (a null or empty value removes one); names not given stay as they are. Null changes none.</summary>
        public System.Collections.Generic.Dictionary<string, string?>? EnvironmentVariables { get; set; }

        /// <summary>Secret variables to set (a null or empty value removes one): their values are kept apart (<see cref="Store.EnvironmentSecrets"/>).</summary>
        public System.Collections.Generic.Dictionary<string, string?>? SecretVariables { get; set; }

        /// <summary>The init script's path in the resources folder; "" removes it, null leaves it.</summary>
        public string? InitScript { get; set; }

        /// <summary>The smoke test's python code; "" removes it, null leaves it.</summary>
        public string? SmokeTest { get; set; }

        /// <summary>The smoke test script's path in the resources folder; "" removes it, null leaves it.</summary>
        public string? SmokeTestScript { get; set; }
    }
}
