using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CodeEnv.Errors;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The one computation of what an env's processes get in their environment: its variables, CODEENV_RESOURCES naming
    /// its resources folder, and, only where the process runs for someone who may use the env, its secret variables.
    /// Invoke-CodeEnvPython, the init script and the smoke test ask it for all of them; the kernel spec, the activate
    /// scripts and the image Dockerfile, which others can read, for the shown ones (<see cref="Shown"/>) alone.
    /// </summary>
    internal static class RuntimeEnvironment
    {
        public const string ResourcesVariable = "CODEENV_RESOURCES";

        private static readonly Regex VariableName = new Regex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

        // What makes the venv the venv, or CodeEnv's own: an env variable may not replace them.
        private static readonly HashSet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "PATH", "VIRTUAL_ENV", "PYTHONHOME", "PYTHONEXECUTABLE", ResourcesVariable,
        };

        /// <summary>The variables anyone who can read the env's kernel spec, activate script or image may see: no secret.</summary>
        public static IReadOnlyDictionary<string, string> Shown(RootPaths paths, EnvironmentDefinition definition)
        {
            var variables = new SortedDictionary<string, string>(definition.Runtime.Variables, StringComparer.Ordinal);
            if (definition.RegisteredVenv == null)
            {
                variables[ResourcesVariable] = paths.ResourcesFolder(definition.Name);
            }

            return variables;
        }

        /// <summary>Every variable, the secret ones revealed: only for a process that runs the env for a caller with Use on it.</summary>
        public static IReadOnlyDictionary<string, string> WithSecrets(RootPaths paths, EnvironmentDefinition definition)
        {
            var variables = new SortedDictionary<string, string>(Shown(paths, definition).ToDictionary(v => v.Key, v => v.Value), StringComparer.Ordinal);
            foreach (var secret in EnvironmentSecrets.Reveal(paths, definition.Name, definition.Runtime.SecretVariables))
            {
                variables[secret.Key] = secret.Value;
            }

            return variables;
        }

        /// <summary>Refuses a name no env variable may have (not a shell name, or one that would replace the venv's own).</summary>
        public static void RequireValidName(string name, string env)
        {
            if (name == null || !VariableName.IsMatch(name) || Reserved.Contains(name))
            {
                throw new CodeEnvException(
                    ErrorIds.EnvironmentVariableInvalid,
                    $"'{name}' cannot be a variable of '{env}': a name is letters, digits and _ (not first a digit), and PATH, VIRTUAL_ENV, PYTHONHOME, PYTHONEXECUTABLE and {ResourcesVariable} are the venv's and CodeEnv's own.",
                    name);
            }
        }

        /// <summary>Refuses a script path that is not a relative path inside the resources folder.</summary>
        public static string RequireResourcePath(string path, string env)
        {
            var parts = (path ?? "").Replace('\\', '/').Split('/');
            if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) || parts.Any(p => p.Length == 0 || p == "." || p == ".."))
            {
                throw new CodeEnvException(
                    ErrorIds.ResourcePathInvalid,
                    $"'{path}' is not a file in the resources folder of '{env}': give its path relative to that folder, such as init.py or models/fetch.py (Publish-CodeEnvResource puts files there).",
                    path);
            }

            return string.Join("/", parts);
        }
    }
}
