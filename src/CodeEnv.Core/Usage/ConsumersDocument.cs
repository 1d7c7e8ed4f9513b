using System.Collections.Generic;

namespace CodeEnv.Usage
{
    /// <summary><c>envs/&lt;name&gt;/consumers.json</c>: the env's declared consumers. Not part of the env's revisions: a restore does not bring back consumers that were removed.</summary>
    internal sealed class ConsumersDocument
    {
        public int SchemaVersion { get; set; }

        public List<StoredConsumer> Consumers { get; set; } = new List<StoredConsumer>();
    }
}
