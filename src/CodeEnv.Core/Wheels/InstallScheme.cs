using System.IO;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// Where a venv's interpreter installs each part of a distribution (its sysconfig scheme, as pip reads it inside the
    /// venv): the folders of purelib, platlib, scripts, data and headers, the interpreter that scripts name in their
    /// shebang, and the cache tag of its compiled modules.
    /// </summary>
    public sealed class InstallScheme
    {
        internal InstallScheme(string prefix, string purelib, string platlib, string scripts, string data, string headers, string python, string cacheTag, string pythonVersion)
        {
            Prefix = prefix;
            Purelib = purelib;
            Platlib = platlib;
            Scripts = scripts;
            Data = data;
            Headers = headers;
            Python = python;
            CacheTag = cacheTag;
            PythonVersion = pythonVersion;
        }

        /// <summary>The venv's folder (sys.prefix).</summary>
        public string Prefix { get; }

        public string Purelib { get; }

        public string Platlib { get; }

        public string Scripts { get; }

        public string Data { get; }

        /// <summary>The folder of every distribution's headers: pip installs a distribution's into a subfolder named after it.</summary>
        public string Headers { get; }

        /// <summary>The venv's python as pip's sys.executable names it, written into the shebang of every script.</summary>
        public string Python { get; }

        /// <summary>sys.implementation.cache_tag ("cpython-312"): the name of the interpreter's compiled modules.</summary>
        public string CacheTag { get; }

        /// <summary>"3.12": what pip's versioned script names (pip3.12) carry.</summary>
        public string PythonVersion { get; }

        /// <summary>The folder of the scheme key <paramref name="key"/> (purelib, platlib, scripts, headers, data) for the distribution <paramref name="name"/>.</summary>
        internal string? Folder(string key, string name)
        {
            switch (key)
            {
                case "purelib": return Purelib;
                case "platlib": return Platlib;
                case "scripts": return Scripts;
                case "data": return Data;
                case "headers": return Path.Combine(Headers, name);
                default: return null;
            }
        }
    }
}
