using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>Which container configurations include an environment.</summary>
    public sealed class ContainerSelection
    {
        public ContainerSelectionMode Mode { get; set; } = ContainerSelectionMode.None;

        public List<string> Configs { get; set; } = new List<string>();
    }
}
