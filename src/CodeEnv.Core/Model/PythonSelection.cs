namespace CodeEnv
{
    /// <summary>The interpreter an environment was built with.</summary>
    public sealed class PythonSelection
    {
        /// <summary>Full version, e.g. 3.11.7.</summary>
        public string Version { get; set; } = "";

        /// <summary>The base interpreter's path, as discovered (not the venv's copy).</summary>
        public string Interpreter { get; set; } = "";
    }
}
