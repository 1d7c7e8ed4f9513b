namespace CodeEnv.Security
{
    /// <summary>The caller of one connection to the service: the OS user the kernel says is on the other end, never what it sends.</summary>
    public sealed class PeerIdentityProvider : IIdentityProvider
    {
        private readonly CallerIdentity identity;

        public PeerIdentityProvider(PeerCredentials peer)
        {
            identity = peer.Identity();
        }

        public CallerIdentity Current() => identity;
    }
}
