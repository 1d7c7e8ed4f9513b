namespace CodeEnv
{
    /// <summary>One distinct Python interpreter found on the machine (PowerShell type <c>CodeEnv.PythonInterpreter</c>).</summary>
    public sealed class PythonInterpreter
    {
        public PythonInterpreter(string version, string path, string source, bool supportsVenv, bool hasDevelopmentHeaders, string implementation, string architecture)
        {
            Version = InterpreterVersion.Parse(version);
            Path = path;
            Source = source;
            SupportsVenv = supportsVenv;
            HasDevelopmentHeaders = hasDevelopmentHeaders;
            Implementation = implementation;
            Architecture = architecture;
        }

        /// <summary>Full version, e.g. 3.11.7; sorts as a version.</summary>
        public InterpreterVersion Version { get; }

        public string Path { get; }

        /// <summary>Where it was found: PATH, pyenv, /usr/bin, /usr/local/bin, py launcher, registered.</summary>
        public string Source { get; }

        /// <summary>Whether <c>python -m venv</c> can build an environment with pip in it.</summary>
        public bool SupportsVenv { get; }

        /// <summary>Whether Python.h is present, so packages with C extensions can compile.</summary>
        public bool HasDevelopmentHeaders { get; }

        public string Implementation { get; }

        public string Architecture { get; }

        public override string ToString() => $"Python {Version} ({Path})";
    }
}
