namespace CodeEnv.Wheels
{
    /// <summary>One wheel to install into a venv, with what pip would record of why.</summary>
    public sealed class WheelInstallRequest
    {
        /// <param name="tree">The stored tree (<see cref="PackageStore.Tree"/>).</param>
        /// <param name="requested">Whether the user asked for this distribution (pip's REQUESTED), rather than it being a dependency.</param>
        /// <param name="directUrl">The PEP 610 direct_url.json text, for a distribution installed from a URL or path; null otherwise.</param>
        public WheelInstallRequest(StoredTree tree, bool requested, string? directUrl = null)
        {
            Tree = tree;
            Requested = requested;
            DirectUrl = directUrl;
        }

        public StoredTree Tree { get; }

        public bool Requested { get; }

        public string? DirectUrl { get; }
    }
}
