using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Python
{
    /// <summary>
    /// Asks an interpreter about itself by running it once. Results are kept for the life of the process and in the
    /// user's cache (<see cref="ProbeCache"/>), keyed by the file's path, size and time, so neither repeated commands in
    /// one session nor each new pwsh or codeenv process start every Python on the machine again.
    /// </summary>
    internal static class InterpreterProbe
    {
        // Runs on Python 2.7 and every 3.x: only the standard library, no f-strings.
        private const string Script =
            "import sys, os, json, platform, sysconfig\n"
            + "def has(m):\n"
            + "    try:\n"
            + "        __import__(m)\n"
            + "        return True\n"
            + "    except Exception:\n"
            + "        return False\n"
            + "inc = sysconfig.get_paths().get('include') or ''\n"
            + "print(json.dumps({'version': platform.python_version(), 'info': list(sys.version_info[:3]),"
            + " 'executable': os.path.realpath(sys.executable), 'prefix': sys.prefix,"
            + " 'basePrefix': getattr(sys, 'base_prefix', sys.prefix), 'venv': has('venv') and has('ensurepip'),"
            + " 'headers': os.path.exists(os.path.join(inc, 'Python.h')),"
            + " 'implementation': platform.python_implementation(), 'machine': platform.machine(),"
            + " 'stdlib': sysconfig.get_paths().get('stdlib') or '', 'include': inc}))\n";

        private static readonly ConcurrentDictionary<string, ProbeResult?> Cache = new ConcurrentDictionary<string, ProbeResult?>(StringComparer.Ordinal);

        /// <summary>What the interpreter says of itself, or null when the file is not a working Python.</summary>
        public static async Task<ProbeResult?> ProbeAsync(string path, CancellationToken cancellation)
        {
            FileInfo file;
            try
            {
                file = new FileInfo(path);
                if (!file.Exists)
                {
                    return null;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                return null;
            }

            var key = file.FullName + "|" + file.Length + "|" + file.LastWriteTimeUtc.Ticks;
            if (Cache.TryGetValue(key, out var known))
            {
                return known;
            }

            if (ProbeCache.ForThisUser.TryGet(key, out var cached))
            {
                Cache[key] = cached;
                return cached;
            }

            var unanswered = false;
            var result = await RunAsync(file.FullName, () => unanswered = true, cancellation).ConfigureAwait(false);
            // A python that could not be run or did not answer in time (perhaps only starved of CPU) is asked again next time,
            // rather than being reported as missing for as long as this process lives.
            if (!unanswered)
            {
                Cache[key] = result;
                ProbeCache.ForThisUser.Add(key, result);
            }

            return result;
        }

        private static async Task<ProbeResult?> RunAsync(string path, Action onUnanswered, CancellationToken cancellation)
        {
            ProcessResult run;
            try
            {
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                {
                    // A file named python that hangs must not hang discovery.
                    timeout.CancelAfter(TimeSpan.FromSeconds(20));
                    // -I ignores the environment and the user's site folder, -S every site folder and its .pth files: a python
                    // is asked about itself without running code that anyone put next to it.
                    run = await ProcessRunner.RunAsync(path, new[] { "-I", "-S", "-c", Script }, null, timeout.Token, PythonEnvironment.Clean).ConfigureAwait(false);
                }
            }
            catch (Errors.CodeEnvException)
            {
                cancellation.ThrowIfCancellationRequested();
                onUnanswered();
                return null;
            }

            if (run.ExitCode != 0 && run.StandardError.Any(l => l.Contains("-I")))
            {
                // Python 2.7 has no -I (isolated mode); -E -s -S is its nearest equivalent.
                run = await ProcessRunner.RunAsync(path, new[] { "-E", "-s", "-S", "-c", Script }, null, cancellation, PythonEnvironment.Clean).ConfigureAwait(false);
            }

            if (run.ExitCode != 0)
            {
                return null;
            }

            var line = run.StandardOutput.LastOrDefault(l => l.StartsWith("{", StringComparison.Ordinal));
            if (line == null)
            {
                return null;
            }

            try
            {
                var json = JObject.Parse(line);
                var info = json["info"]!.Values<int>().ToArray();
                return new ProbeResult(
                    json.Value<string>("version")!,
                    new Version(info[0], info[1], info[2]),
                    json.Value<string>("executable")!,
                    json.Value<string>("prefix")!,
                    json.Value<string>("basePrefix")!,
                    json.Value<bool>("venv"),
                    json.Value<bool>("headers"),
                    json.Value<string>("implementation") ?? "",
                    json.Value<string>("machine") ?? "",
                    json.Value<string>("stdlib") ?? "",
                    json.Value<string>("include") ?? "");
            }
            catch (Exception e) when (e is Newtonsoft.Json.JsonException || e is NullReferenceException || e is IndexOutOfRangeException || e is FormatException || e is InvalidCastException)
            {
                return null;
            }
        }
    }
}
