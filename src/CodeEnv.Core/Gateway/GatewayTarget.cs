using System;

namespace CodeEnv.Gateway
{
    /// <summary>An upstream URL the gateway may fetch, and the source whose page named it (whose credentials it prefers).</summary>
    internal sealed class GatewayTarget
    {
        public GatewayTarget(Uri upstream, int source)
        {
            Upstream = upstream;
            Source = source;
        }

        public Uri Upstream { get; }

        public int Source { get; }
    }
}
