using System;
using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// What an env needs at run time, as env.json holds it: its environment variables (secret ones by name only: their
    /// values are in the root's <see cref="Store.EnvironmentSecrets"/>, never in a revision), the init script an update runs
    /// after installing, and the smoke test a new venv must pass before it serves. Scripts are file names in the env's
    /// resources folder.
    /// </summary>
    internal sealed class EnvironmentRuntime
    {
        /// <summary>Variable name to value; never a secret's value.</summary>
        public SortedDictionary<string, string> Variables { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The names of the secret variables, sorted.</summary>
        public List<string> SecretVariables { get; set; } = new List<string>();

        public string? InitScript { get; set; }

        /// <summary>Python code the new venv's python runs (python -c) before it is switched to.</summary>
        public string? SmokeTest { get; set; }

        /// <summary>A script in the resources folder the new venv's python runs before it is switched to.</summary>
        public string? SmokeTestScript { get; set; }
    }
}
