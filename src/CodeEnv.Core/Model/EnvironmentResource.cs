namespace CodeEnv
{
    /// <summary>A file in an env's resources folder (PowerShell type <c>CodeEnv.EnvironmentResource</c>), as Publish-CodeEnvResource put it there.</summary>
    public sealed class EnvironmentResource
    {
        public EnvironmentResource(string name, string resourcePath, string path, long length, string sha256, string root)
        {
            Name = name;
            ResourcePath = resourcePath;
            Path = path;
            Length = length;
            Sha256 = sha256;
            Root = root;
        }

        /// <summary>The env's name, so the object pipes on to the env's cmdlets.</summary>
        public string Name { get; }

        /// <summary>The file's path in the resources folder, as -InitScript and -SmokeTestScript name it.</summary>
        public string ResourcePath { get; }

        /// <summary>The file's full path (CODEENV_RESOURCES joined with <see cref="ResourcePath"/>).</summary>
        public string Path { get; }

        public long Length { get; }

        public string Sha256 { get; }

        public string Root { get; }

        public override string ToString() => ResourcePath;
    }
}
