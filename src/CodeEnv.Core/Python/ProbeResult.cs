using System;
using System.IO;

namespace CodeEnv.Python
{
    internal sealed class ProbeResult
    {
        public ProbeResult(string version, Version numericVersion, string executable, string prefix, string basePrefix, bool supportsVenv, bool hasHeaders, string implementation, string machine, string standardLibrary = "", string includeFolder = "")
        {
            StandardLibrary = standardLibrary;
            IncludeFolder = includeFolder;
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

        /// <summary>The interpreter's standard library folder, where venv and ensurepip live (Debian ships them apart).</summary>
        public string StandardLibrary { get; }

        /// <summary>Where its Python.h is, when the development headers are installed.</summary>
        public string IncludeFolder { get; }

        /// <summary>
        /// Whether what the probe found beside the interpreter still holds, read from the file system without running it:
        /// installing python3-venv or python3-dev changes it while the interpreter's own file stays the same.
        /// </summary>
        public bool StillDescribesItsFolders() =>
            SupportsVenv == (Directory.Exists(Path.Combine(StandardLibrary, "venv")) && Directory.Exists(Path.Combine(StandardLibrary, "ensurepip")))
            && HasHeaders == File.Exists(Path.Combine(IncludeFolder, "Python.h"));

        /// <summary>An interpreter inside a virtual environment rather than an installation.</summary>
        public bool IsVirtualEnvironment => !string.Equals(Prefix, BasePrefix, StringComparison.Ordinal);
    }
}
