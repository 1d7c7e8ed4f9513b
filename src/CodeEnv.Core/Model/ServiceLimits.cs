using System;
using Newtonsoft.Json;

namespace CodeEnv
{
    /// <summary>
    /// What one caller may spend of the CodeEnv service of a served root: codeenv.json's <c>service.limits</c>, which
    /// every user can read. A limit not set follows its default, and the defaults are here and nowhere else. The
    /// service reads the limits when it starts and tells each connection the message size it enforces.
    /// </summary>
    internal sealed class ServiceLimits
    {
        private const long MiB = 1024 * 1024;

        /// <summary>
        /// The largest JSON-RPC message the service reads. The largest legitimate ones (an Import-CodeEnv document with
        /// its lock, a long requirement list) are a few hundred KiB; a Publish travels in chunks well below this.
        /// </summary>
        public const int DefaultMaxMessageMiB = 4;

        /// <summary>The largest archive Publish-CodeEnvPackage accepts (it streams to disk, never to memory).</summary>
        public const int DefaultMaxPublishMiB = 1024;

        /// <summary>A cmdlet holds one connection for its pipeline's life; a user's pipelines and parallel jobs rarely need more than a few.</summary>
        public const int DefaultMaxConnectionsPerUser = 8;

        public const int DefaultMaxConnections = 64;

        /// <summary>Operations one user may run at once across all their connections: each update is a pip run.</summary>
        public const int DefaultMaxOperationsPerUser = 4;

        /// <summary>How long a connection may take to send one message once its first byte came (header and body).</summary>
        public const int DefaultMessageTimeoutSeconds = 10;

        /// <summary>How long a connection may stay open with no operation running and no message.</summary>
        public const int DefaultIdleTimeoutSeconds = 300;

        public int? MaxMessageMiB { get; set; }

        public int? MaxPublishMiB { get; set; }

        public int? MaxConnectionsPerUser { get; set; }

        public int? MaxConnections { get; set; }

        public int? MaxOperationsPerUser { get; set; }

        public int? MessageTimeoutSeconds { get; set; }

        public int? IdleTimeoutSeconds { get; set; }

        [JsonIgnore]
        public int EffectiveMaxMessageMiB => MaxMessageMiB ?? DefaultMaxMessageMiB;

        [JsonIgnore]
        public int EffectiveMaxPublishMiB => MaxPublishMiB ?? DefaultMaxPublishMiB;

        [JsonIgnore]
        public int EffectiveMaxConnectionsPerUser => MaxConnectionsPerUser ?? DefaultMaxConnectionsPerUser;

        [JsonIgnore]
        public int EffectiveMaxConnections => MaxConnections ?? DefaultMaxConnections;

        [JsonIgnore]
        public int EffectiveMaxOperationsPerUser => MaxOperationsPerUser ?? DefaultMaxOperationsPerUser;

        [JsonIgnore]
        public int EffectiveMessageTimeoutSeconds => MessageTimeoutSeconds ?? DefaultMessageTimeoutSeconds;

        [JsonIgnore]
        public int EffectiveIdleTimeoutSeconds => IdleTimeoutSeconds ?? DefaultIdleTimeoutSeconds;

        [JsonIgnore]
        public long MaxMessageBytes => EffectiveMaxMessageMiB * MiB;

        [JsonIgnore]
        public long MaxPublishBytes => EffectiveMaxPublishMiB * MiB;

        [JsonIgnore]
        public TimeSpan MessageTimeout => TimeSpan.FromSeconds(EffectiveMessageTimeoutSeconds);

        [JsonIgnore]
        public TimeSpan IdleTimeout => TimeSpan.FromSeconds(EffectiveIdleTimeoutSeconds);
    }
}
