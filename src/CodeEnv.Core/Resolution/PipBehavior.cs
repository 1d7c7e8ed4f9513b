using CodeEnv.Requirements;

namespace CodeEnv.Resolution
{
    /// <summary>
    /// Which pip's choices the resolver reproduces. pip's resolver orders its choices by a preference that has changed
    /// between releases, and two orders can end in two different sets that both satisfy every line; so the resolver follows
    /// the order of the pip an env has, for the releases whose resolver it was checked against (read from their sources and
    /// proven by the oracle tests), and hands every other pip the decision.
    /// </summary>
    public sealed class PipBehavior
    {
        private static readonly PackageVersion First = PackageVersion.Parse("23.0");
        private static readonly PackageVersion StopsDelayingSetuptools = PackageVersion.Parse("23.1");
        private static readonly PackageVersion SplitsExtras = PackageVersion.Parse("23.3");
        private static readonly PackageVersion Beyond = PackageVersion.Parse("25.1");

        private PipBehavior(string pipVersion, bool isReproduced, bool splitsExtrasFromSpecifier, bool delaysSetuptools)
        {
            PipVersion = pipVersion;
            IsReproduced = isReproduced;
            SplitsExtrasFromSpecifier = splitsExtrasFromSpecifier;
            DelaysSetuptools = delaysSetuptools;
        }

        /// <summary>The pip version as the venv reported it.</summary>
        public string PipVersion { get; }

        /// <summary>
        /// Whether this pip's choices are reproduced: pip 23.0 to 25.0. Their preference orders differ only where
        /// <see cref="DelaysSetuptools"/> and <see cref="SplitsExtrasFromSpecifier"/> say; 23.0's resolvelib (0.8.1, where
        /// 23.1 has 1.0.1) differs in how it backtracks, which the resolver leaves to pip anyway. 25.1 changed the order.
        /// </summary>
        public bool IsReproduced { get; }

        /// <summary>
        /// Whether a requirement with extras and a version (<c>pkg[x]&gt;=1</c>) is also a requirement on the project alone
        /// (<c>pkg&gt;=1</c>), as pip does from 23.3 on; before, only <c>pkg[x]</c> was, and the project came as its dependency.
        /// </summary>
        public bool SplitsExtrasFromSpecifier { get; }

        /// <summary>
        /// Whether setuptools is chosen after every other name (pip 23.0's get_preference ranks its "delay_this" before
        /// everything but Requires-Python; 23.1 dropped it), so that by then the requirements of what was chosen narrow it.
        /// </summary>
        public bool DelaysSetuptools { get; }

        public static PipBehavior Of(string pipVersion)
        {
            if (!PackageVersion.TryParse(pipVersion, out var version))
            {
                return new PipBehavior(pipVersion, false, false, false);
            }

            var release = version!.BaseVersion;
            return new PipBehavior(pipVersion, release >= First && release < Beyond, release >= SplitsExtras, release < StopsDelayingSetuptools);
        }

        /// <summary>Why the resolver hands this pip the decision; null for a pip whose choices it reproduces.</summary>
        public string? NotReproducedReason => IsReproduced
            ? null
            : $"the env has pip {PipVersion}, and CodeEnv reproduces the choices of pip 23.0 to 25.0 only: pip decides";
    }
}
