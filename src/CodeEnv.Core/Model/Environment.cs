using System;

namespace CodeEnv
{
    /// <summary>
    /// One environment as cmdlets emit it (PowerShell type <c>CodeEnv.Environment</c>): the stored definition
    /// plus where it lives. <see cref="Name"/> and <see cref="Root"/> bind by property name to every other
    /// CodeEnv cmdlet.
    /// </summary>
    public sealed class Environment
    {
        internal Environment(string root, string path, string venvPath, string pythonPath, EnvironmentDefinition definition, EnvironmentState state)
        {
            Root = root;
            Path = path;
            VenvPath = venvPath;
            PythonPath = pythonPath;
            Definition = definition;
            State = state;
        }

        public string Name => Definition.Name;

        public string Root { get; }

        public string PythonVersion => Definition.Python.Version;

        /// <summary>The base interpreter the venv was made from.</summary>
        public string Interpreter => Definition.Python.Interpreter;

        /// <summary>The environment's folder, <c>envs/&lt;Name&gt;</c> under the root.</summary>
        public string Path { get; }

        public string VenvPath { get; }

        /// <summary>The venv's own python executable.</summary>
        public string PythonPath { get; }

        public string Description => Definition.Description;

        public string Owner => Definition.Owner;

        public bool UsableByAll => Definition.UsableByAll;

        public EnvironmentState State { get; }

        public string? StateDetail => Definition.StateDetail;

        public string CreatedBy => Definition.CreatedBy;

        public DateTimeOffset CreatedAt => Definition.CreatedAt;

        public string UpdatedBy => Definition.UpdatedBy;

        public DateTimeOffset UpdatedAt => Definition.UpdatedAt;

        public int Revision => Definition.Revision;

        /// <summary>A copy of the stored definition, for scripts that need every field.</summary>
        public EnvironmentDefinition Definition { get; }

        public override string ToString() => Name;
    }
}
