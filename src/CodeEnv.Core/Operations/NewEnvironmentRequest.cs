namespace CodeEnv.Operations
{
    public sealed class NewEnvironmentRequest
    {
        public string Name { get; set; } = "";

        /// <summary>A version such as 3.11; the newest discovered matching interpreter is used.</summary>
        public string? PythonVersion { get; set; }

        /// <summary>An exact interpreter path; used instead of <see cref="PythonVersion"/>.</summary>
        public string? InterpreterPath { get; set; }

        public string Description { get; set; } = "";

        /// <summary>Only record the definition; the venv is built by a later update.</summary>
        public bool NoInstall { get; set; }
    }
}
