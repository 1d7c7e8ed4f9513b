using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Store;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// Asks a venv's interpreter for its install scheme the way pip does inside that venv (sysconfig's preferred "prefix"
    /// scheme: "venv" on Python 3.11 and later, "posix_prefix" before; headers under include/site/pythonX.Y, pip's own
    /// rule in a venv), once per interpreter. The answer, relative to the venv's folder, holds for every venv of that
    /// interpreter, so it is kept for the life of the process and in the store's schemes/ folder, keyed by the
    /// interpreter's file (path, size, time) as <see cref="InterpreterProbe"/> keys its answers.
    /// </summary>
    internal static class InstallSchemeProbe
    {
        private const string Script =
            "import json, os, sys, sysconfig\n"
            + "preferred = getattr(sysconfig, 'get_preferred_scheme', None)\n"
            + "scheme = preferred('prefix') if preferred else ('posix_prefix' if os.name == 'posix' else 'nt')\n"
            + "paths = sysconfig.get_paths(scheme=scheme)\n"
            + "version = '%d.%d' % sys.version_info[:2]\n"
            + "print(json.dumps({'prefix': sys.prefix, 'purelib': paths['purelib'], 'platlib': paths['platlib'],"
            + " 'scripts': paths['scripts'], 'data': paths['data'], 'headers': os.path.join(sys.prefix, 'include', 'site', 'python' + version),"
            + " 'cacheTag': sys.implementation.cache_tag, 'version': version}))\n";

        private static readonly string[] Folders = { "purelib", "platlib", "scripts", "data", "headers" };

        private static readonly ConcurrentDictionary<string, JObject> Known = new ConcurrentDictionary<string, JObject>(StringComparer.Ordinal);

        public static async Task<InstallScheme> ForVenvAsync(PackageStore store, string venv, IProcessRunner processes, CancellationToken cancellation)
        {
            venv = Path.GetFullPath(venv);
            var python = VenvLayout.Python(venv);
            if (!File.Exists(python))
            {
                throw new CodeEnvException(ErrorIds.WheelInstallFailed, $"'{venv}' is not a venv: it has no '{python}'. Create the venv before installing into it.", venv);
            }

            var interpreter = new FileInfo(RealPath.Of(python));
            var key = interpreter.FullName + "|" + interpreter.Length + "|" + interpreter.LastWriteTimeUtc.Ticks;
            var cacheFile = Path.Combine(store.SchemesFolder, KeyName(key) + ".json");
            if (!Known.TryGetValue(key, out var relative))
            {
                relative = Read(cacheFile, key) ?? await ProbeAsync(venv, python, key, processes, cancellation).ConfigureAwait(false);
                Known[key] = relative;
            }

            // Kept in each store this process installs from, so the next process of any root's engine finds it there.
            if (!File.Exists(cacheFile))
            {
                Directory.CreateDirectory(store.SchemesFolder);
                AtomicFile.WriteAllText(cacheFile, relative.ToString(Formatting.Indented));
            }

            string In(string name) => Path.Combine(venv, relative.Value<string>(name)!);
            return new InstallScheme(venv, In("purelib"), In("platlib"), In("scripts"), In("data"), In("headers"), python, relative.Value<string>("cacheTag")!, relative.Value<string>("version")!);
        }

        private static async Task<JObject> ProbeAsync(string venv, string python, string key, IProcessRunner processes, CancellationToken cancellation)
        {
            // -I: no PYTHON* variables and no user site; the venv's own site runs, since sys.prefix is the venv only once it has.
            var run = await processes.RunAsync(python, new[] { "-I", "-c", Script }, null, cancellation, PythonEnvironment.Clean).ConfigureAwait(false);
            var line = run.StandardOutput.LastOrDefault(l => l.StartsWith("{", StringComparison.Ordinal));
            if (run.ExitCode != 0 || line == null)
            {
                throw new CodeEnvException(
                    ErrorIds.PythonCommandFailed,
                    $"'{python}' did not say where it installs packages (exit code {run.ExitCode}):\n{string.Join("\n", run.StandardError.Take(20))}",
                    venv);
            }

            var answer = JObject.Parse(line);
            var prefix = answer.Value<string>("prefix")!;
            var relative = new JObject { ["key"] = key, ["cacheTag"] = answer["cacheTag"], ["version"] = answer["version"] };
            foreach (var folder in Folders)
            {
                var path = answer.Value<string>(folder)!;
                var inside = path == prefix ? "" : path.StartsWith(prefix + "/", StringComparison.Ordinal) ? path.Substring(prefix.Length + 1) : null;
                if (inside == null || inside.Split('/').Contains(".."))
                {
                    throw new CodeEnvException(
                        ErrorIds.WheelInstallFailed,
                        $"'{python}' installs {folder} into '{path}', outside its venv '{prefix}': CodeEnv installs only into a venv's own folders. Use pip for this interpreter.",
                        venv);
                }

                relative[folder] = inside;
            }

            return relative;
        }

        private static JObject? Read(string file, string key)
        {
            try
            {
                var cached = File.Exists(file) ? JObject.Parse(File.ReadAllText(file)) : null;
                return cached != null && cached.Value<string>("key") == key && Folders.All(f => cached[f]?.Type == JTokenType.String) && cached["cacheTag"] != null && cached["version"] != null ? cached : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is JsonException)
            {
                return null;
            }
        }

        private static string KeyName(string key)
        {
            using (var sha = SHA256.Create())
            {
                return RecordHash.Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(key))).Substring(0, 24);
            }
        }
    }
}
