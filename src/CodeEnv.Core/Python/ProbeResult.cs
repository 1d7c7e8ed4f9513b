using System;

namespace CodeEnv.Python
{
    internal sealed class ProbeResult
    {
        public ProbeResult(string version, Version numericVersion, string executable, string prefix, string basePrefix, bool supportsVenv, bool hasHeaders, string implementation, string machine)
        {
            Version = version;
            NumericVersion = numericVersion;
            Executable = executable;
            Prefix = prefix;
            BasePrefix = basePrefix;
            SupportsVenv = supportsVenv;
            HasHeaders = hasHeaders;
            Implementation = implementation;
            Machine = machine;
        }

        public string Version { get; }

        public Version NumericVersion { get; }

        /// <summary>The interpreter's real path, symlinks resolved: the identity used to deduplicate.</summary>
        public string Executable { get; }

        public string Prefix { get; }

        public string BasePrefix { get; }

        public bool SupportsVenv { get; }

        public bool HasHeaders { get; }

        public string Implementation { get; }

        public string Machine { get; }

        /// <summary>An interpreter inside a virtual environment rather than an installation.</summary>
        public bool IsVirtualEnvironment => !string.Equals(Prefix, BasePrefix, StringComparison.Ordinal);
    }
}
