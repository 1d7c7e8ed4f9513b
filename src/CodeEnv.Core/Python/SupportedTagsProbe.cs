using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Python
{
    /// <summary>
    /// The wheel tags a venv's pip accepts, in the order pip ranks wheels by, with the version of that pip. Read from pip
    /// itself (<c>compatibility_tags.get_supported()</c>, what its finder uses), not from its vendored packaging's
    /// <c>sys_tags()</c>: the two differ (pip adds <c>cp312-none-any</c>, which sys_tags leaves out). Asked once per
    /// interpreter and pip version, then kept in the user's probe cache (<see cref="ProbeCache"/>, which also holds it for
    /// the process), keyed by the interpreter's real file (path, size, time) and the venv's pip version, so every venv of
    /// one interpreter with the same pip shares one answer.
    /// </summary>
    public static class SupportedTagsProbe
    {
        private const string Script =
            "import json, pip\n"
            + "from pip._internal.utils.compatibility_tags import get_supported\n"
            + "print(json.dumps({'pip': pip.__version__, 'tags': [str(t) for t in get_supported()]}))\n";

        // Part of the key: answers of an earlier script (sys_tags(), which missed a tag) are not taken for this one's.
        private const string ScriptKey = "get_supported";

        public static Task<SupportedTagsReport> ProbeAsync(IProcessRunner processes, string venvPython, CancellationToken cancellation) =>
            ProbeAsync(processes, venvPython, ProbeCache.ForThisUser, cancellation);

        internal static async Task<SupportedTagsReport> ProbeAsync(IProcessRunner processes, string venvPython, ProbeCache cache, CancellationToken cancellation)
        {
            var key = KeyOf(venvPython);
            if (key != null && cache.TryGetTags(key, out var cached))
            {
                return cached!;
            }

            // -I: no PYTHON* variables and no user site; the venv's own site-packages (where its pip is) stays on the path.
            var run = await processes.RunAsync(venvPython, new[] { "-I", "-c", Script }, null, cancellation, PythonEnvironment.Clean).ConfigureAwait(false);
            var line = run.StandardOutput.LastOrDefault(l => l.StartsWith("{", StringComparison.Ordinal));
            SupportedTagsReport? report = null;
            try
            {
                var json = line == null ? null : JObject.Parse(line);
                var pip = json?["pip"]?.Value<string>();
                var tags = json?["tags"]?.Values<string>().Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).ToList();
                report = run.ExitCode != 0 || pip == null || tags == null || tags.Count == 0 ? null : new SupportedTagsReport(pip, tags);
            }
            catch (JsonException)
            {
            }

            if (report == null)
            {
                throw new CodeEnvException(
                    ErrorIds.WheelTagsUnavailable,
                    $"The pip of '{venvPython}' did not report the wheel tags it accepts (exit code {run.ExitCode}): {string.Join(" ", run.StandardError.Take(5))}. Check that the venv has a working pip ('{venvPython} -m pip --version').",
                    venvPython);
            }

            if (key != null)
            {
                cache.AddTags(key, report);
            }

            return report;
        }

        /// <summary>
        /// The interpreter's real file and the venv's pip version, or null where either cannot be told without running
        /// Python (then the answer is not kept): a venv's python links to its interpreter, and pip's version is in the
        /// name of its dist-info folder.
        /// </summary>
        internal static string? KeyOf(string venvPython)
        {
            try
            {
                var interpreter = new FileInfo(Store.RealPath.Of(venvPython));
                var venv = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(venvPython)));
                if (!interpreter.Exists || venv == null)
                {
                    return null;
                }

                var pip = SitePackages(venv).SelectMany(folder => Directory.GetDirectories(folder, "pip-*.dist-info")).Select(Path.GetFileName).ToList();
                return pip.Count == 1 ? $"{interpreter.FullName}|{interpreter.Length}|{interpreter.LastWriteTimeUtc.Ticks}|{pip[0]}|{ScriptKey}" : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                return null;
            }
        }

        // lib/pythonX.Y/site-packages on POSIX, Lib/site-packages on Windows.
        private static string[] SitePackages(string venv)
        {
            var windows = Path.Combine(venv, "Lib", "site-packages");
            if (Directory.Exists(windows))
            {
                return new[] { windows };
            }

            var lib = Path.Combine(venv, "lib");
            return Directory.Exists(lib)
                ? Directory.GetDirectories(lib, "python*").Select(p => Path.Combine(p, "site-packages")).Where(Directory.Exists).ToArray()
                : Array.Empty<string>();
        }
    }
}
