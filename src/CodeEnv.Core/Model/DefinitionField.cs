using CodeEnv.Security;

namespace CodeEnv
{
    /// <summary>One top-level field of an env's definition and what hangs on it (see <see cref="DefinitionFields"/>).</summary>
    internal sealed class DefinitionField
    {
        public DefinitionField(string name, EnvironmentRight rightToChange, bool installedSetDependsOn = false, bool whoMayUseDependsOn = false)
        {
            Name = name;
            RightToChange = rightToChange;
            InstalledSetDependsOn = installedSetDependsOn;
            WhoMayUseDependsOn = whoMayUseDependsOn;
        }

        /// <summary>The field's name in env.json, as <see cref="Store.DefinitionDiff"/> reports it.</summary>
        public string Name { get; }

        /// <summary>The right a caller needs to change it, whichever operation changes it.</summary>
        public EnvironmentRight RightToChange { get; }

        /// <summary>Whether a change makes what is installed out of date (and so needs a venv CodeEnv manages).</summary>
        public bool InstalledSetDependsOn { get; }

        /// <summary>Whether a change decides anew who may enter the env's folder on a served root.</summary>
        public bool WhoMayUseDependsOn { get; }
    }
}
