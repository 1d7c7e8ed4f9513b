using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>Which container configurations include an environment.</summary>
    public sealed class ContainerSelection
    {
        public ContainerSelectionMode Mode { get; set; } = ContainerSelectionMode.None;

        public List<string> Configs { get; set; } = new List<string>();

        /// <summary>The env's own Dockerfile lines, for the configs that allow them (Set-CodeEnv -ContainerDockerfile).</summary>
        public DockerfileFragments Dockerfile { get; set; } = new DockerfileFragments();
    }
}
