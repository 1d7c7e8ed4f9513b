using System.Collections.Generic;

namespace CodeEnv.Resolution
{
    /// <summary>A distribution installed in an env, as an incremental resolution keeps it: its name, version and Requires-Dist lines.</summary>
    public sealed class CurrentDistribution
    {
        public CurrentDistribution(string name, string version, IReadOnlyList<string> requires, IReadOnlyList<string>? providesExtras = null)
        {
            Name = name;
            Version = version;
            Requires = requires;
            ProvidesExtras = providesExtras;
        }

        public string Name { get; }

        public string Version { get; }

        /// <summary>Its Requires-Dist lines (PEP 508; markers may test 'extra').</summary>
        public IReadOnlyList<string> Requires { get; }

        /// <summary>Its Provides-Extra names; null when not known (then every extra asked for is taken as provided).</summary>
        public IReadOnlyList<string>? ProvidesExtras { get; }
    }
}
