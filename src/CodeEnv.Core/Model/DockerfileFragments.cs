using System.Linq;

namespace CodeEnv
{
    /// <summary>
    /// An env's own Dockerfile lines at the points a container config offers them (PowerShell type
    /// <c>CodeEnv.DockerfileFragments</c>), used only where the config allows env fragments (its AllowEnvFragments).
    /// Each point's lines follow the config's own lines at that point.
    /// </summary>
    public sealed class DockerfileFragments
    {
        public string AtStart { get; set; } = "";

        public string BeforePackages { get; set; } = "";

        public string AfterPackages { get; set; } = "";

        public string AtEnd { get; set; } = "";

        [Newtonsoft.Json.JsonIgnore]
        public bool IsEmpty => string.IsNullOrWhiteSpace(AtStart) && string.IsNullOrWhiteSpace(BeforePackages) && string.IsNullOrWhiteSpace(AfterPackages) && string.IsNullOrWhiteSpace(AtEnd);

        public DockerfileFragments Copy() => new DockerfileFragments { AtStart = AtStart, BeforePackages = BeforePackages, AfterPackages = AfterPackages, AtEnd = AtEnd };

        public override string ToString() => IsEmpty ? "" : string.Join("; ", new[] { ("AtStart", AtStart), ("BeforePackages", BeforePackages), ("AfterPackages", AfterPackages), ("AtEnd", AtEnd) }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1));
    }
}
