using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Store
{
    /// <summary>
    /// The values of the envs' secret variables (Set-CodeEnv -SecretVariable), by env and name, in
    /// state/env-secrets.json, which only the root's owner (the service account on a served root) can read, as
    /// <see cref="SourceSecrets"/> keeps the sources' credentials. env.json, its history, exports, SBOMs, images, kernel
    /// specs and activate scripts hold a secret's name only; its value reaches only the processes the env runs for a
    /// caller who may use it (<c>Operations.RuntimeEnvironment</c>), and every log masks it (<c>Security.SecretRedactor</c>).
    /// </summary>
    internal static class EnvironmentSecrets
    {
        /// <summary>Sets (or, for a null value, forgets) secrets of <paramref name="env"/>. Call under the env's lock.</summary>
        public static void Change(RootPaths paths, string env, IReadOnlyDictionary<string, string?> changes)
        {
            lock (Gate)
            {
                var all = Read(paths);
                var kept = all.TryGetValue(env, out var found) ? found : new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var change in changes)
                {
                    if (change.Value == null)
                    {
                        kept.Remove(change.Key);
                    }
                    else
                    {
                        kept[change.Key] = change.Value;
                    }
                }

                if (kept.Count == 0)
                {
                    all.Remove(env);
                }
                else
                {
                    all[env] = kept;
                }

                Write(paths, all);
            }
        }

        /// <summary>Forgets every secret of a removed env.</summary>
        public static void Forget(RootPaths paths, string env)
        {
            lock (Gate)
            {
                if (File.Exists(paths.EnvironmentSecretsFile))
                {
                    var all = Read(paths);
                    if (all.Remove(env))
                    {
                        Write(paths, all);
                    }
                }
            }
        }

        /// <summary>The values of the env's secret variables <paramref name="names"/>; one that is not kept is an error that says how to set it.</summary>
        public static IReadOnlyDictionary<string, string> Reveal(RootPaths paths, string env, IReadOnlyList<string> names)
        {
            if (names.Count == 0)
            {
                return new Dictionary<string, string>(StringComparer.Ordinal);
            }

            Dictionary<string, SortedDictionary<string, string>> all;
            try
            {
                all = Read(paths);
            }
            catch (UnauthorizedAccessException)
            {
                throw Missing(paths, env, names[0], " cannot be read by this account (only the root's owner reads it; on a shared root without a service, run the env as the root's owner, or serve the root)");
            }

            var kept = all.TryGetValue(env, out var found) ? found : new SortedDictionary<string, string>(StringComparer.Ordinal);
            return names.ToDictionary(n => n, n => kept.TryGetValue(n, out var value) ? value : throw Missing(paths, env, n, " does not hold it"), StringComparer.Ordinal);
        }

        /// <summary>Every secret value the root keeps, for the redactor; none when the file cannot be read (it is not this account's).</summary>
        public static IReadOnlyList<string> AllValues(RootPaths paths)
        {
            try
            {
                return Read(paths).Values.SelectMany(v => v.Values).ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }

        private static readonly object Gate = new object();

        private static CodeEnvException Missing(RootPaths paths, string env, string name, string why) => new CodeEnvException(
            ErrorIds.EnvironmentSecretMissing,
            $"The value of the secret variable '{name}' of '{env}' is needed, and '{paths.EnvironmentSecretsFile}'{why}. Set it again with Set-CodeEnv -Name {env} -SecretVariable @{{ {name} = '...' }}, or remove it with @{{ {name} = $null }}.",
            env);

        private static Dictionary<string, SortedDictionary<string, string>> Read(RootPaths paths)
        {
            if (!File.Exists(paths.EnvironmentSecretsFile))
            {
                return new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
            }

            var read = Json.Deserialize<Dictionary<string, SortedDictionary<string, string>>>(File.ReadAllText(paths.EnvironmentSecretsFile));
            return read == null
                ? new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal)
                : read.ToDictionary(p => p.Key, p => new SortedDictionary<string, string>(p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        }

        private static void Write(RootPaths paths, Dictionary<string, SortedDictionary<string, string>> all)
        {
            Directory.CreateDirectory(paths.StateFolder);
            // Readable by the root's owner alone, from its first byte.
            AtomicFile.WriteAllText(paths.EnvironmentSecretsFile, Json.Serialize(all.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value)), unixMode: 0x180 /* 0600 */);
        }
    }
}
