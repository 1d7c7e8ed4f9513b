using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Set-CodeEnv's change of what an env needs at run time: its variables (a secret one by name only), init script and
    /// smoke test. A variable is plain or secret, never both: setting it one way drops it the other.
    /// </summary>
    internal static class RuntimeChange
    {
        public static void Apply(EnvironmentDefinition definition, EnvironmentSettingsChange change)
        {
            var runtime = definition.Runtime;
            foreach (var variable in change.EnvironmentVariables ?? new Dictionary<string, string?>())
            {
                RuntimeEnvironment.RequireValidName(variable.Key, definition.Name);
                runtime.SecretVariables.Remove(variable.Key);
                if (string.IsNullOrEmpty(variable.Value))
                {
                    runtime.Variables.Remove(variable.Key);
                }
                else
                {
                    RequireNoCredentials(variable.Key, variable.Value!, definition.Name);
                    runtime.Variables[variable.Key] = variable.Value!;
                }
            }

            foreach (var secret in change.SecretVariables ?? new Dictionary<string, string?>())
            {
                RuntimeEnvironment.RequireValidName(secret.Key, definition.Name);
                runtime.Variables.Remove(secret.Key);
                runtime.SecretVariables.Remove(secret.Key);
                if (!string.IsNullOrEmpty(secret.Value))
                {
                    runtime.SecretVariables.Add(secret.Key);
                }
            }

            runtime.SecretVariables = runtime.SecretVariables.Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal).ToList();
            runtime.InitScript = Script(change.InitScript, runtime.InitScript, definition.Name);
            runtime.SmokeTestScript = Script(change.SmokeTestScript, runtime.SmokeTestScript, definition.Name);
            runtime.SmokeTest = change.SmokeTest == null ? runtime.SmokeTest : change.SmokeTest.Trim().Length == 0 ? null : change.SmokeTest;
        }

        /// <summary>Keeps the values of the secrets the change sets, and forgets those it removes or makes plain.</summary>
        public static void KeepSecrets(RootPaths paths, string env, EnvironmentSettingsChange change)
        {
            var secrets = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var plain in change.EnvironmentVariables ?? new Dictionary<string, string?>())
            {
                secrets[plain.Key] = null;
            }

            foreach (var secret in change.SecretVariables ?? new Dictionary<string, string?>())
            {
                secrets[secret.Key] = string.IsNullOrEmpty(secret.Value) ? null : secret.Value;
            }

            if (secrets.Count > 0)
            {
                EnvironmentSecrets.Change(paths, env, secrets);
            }
        }

        /// <summary>A plain variable is shown everywhere: a URL with a password in it (a proxy's) must be a secret one.</summary>
        private static void RequireNoCredentials(string name, string value, string env)
        {
            if (SourceSecrets.HasSecret(value))
            {
                throw new Errors.CodeEnvException(
                    Errors.ErrorIds.EnvironmentVariableInvalid,
                    $"The value of '{name}' holds credentials ({SourceSecrets.Redact(value)}), and a plain variable is shown in env.json, its history, kernel specs and images. Set it with Set-CodeEnv -Name {env} -SecretVariable @{{ {name} = '...' }}.",
                    name);
            }
        }

        private static string? Script(string? given, string? current, string env) =>
            given == null ? current : given.Length == 0 ? null : RuntimeEnvironment.RequireResourcePath(given, env);
    }
}
