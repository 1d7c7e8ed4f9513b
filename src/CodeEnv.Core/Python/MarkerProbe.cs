using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Python
{
    /// <summary>The PEP 508 marker values of one interpreter, read from the interpreter itself, as pip computes them.</summary>
    public static class MarkerProbe
    {
        // The same expressions as packaging.markers.default_environment(), runnable on Python 2.7 and 3.x.
        private const string Script =
            "import os, sys, platform, json\n"
            + "def fmt(info):\n"
            + "    v = '{0.major}.{0.minor}.{0.micro}'.format(info)\n"
            + "    if info.releaselevel != 'final':\n"
            + "        v += info.releaselevel[0] + str(info.serial)\n"
            + "    return v\n"
            + "impl = getattr(sys, 'implementation', None)\n"
            + "print(json.dumps({'implementation_name': impl.name if impl else 'cpython',"
            + " 'implementation_version': fmt(impl.version) if impl else '0',"
            + " 'os_name': os.name, 'platform_machine': platform.machine(), 'platform_release': platform.release(),"
            + " 'platform_system': platform.system(), 'platform_version': platform.version(),"
            + " 'python_full_version': platform.python_version(), 'platform_python_implementation': platform.python_implementation(),"
            + " 'python_version': '.'.join(platform.python_version_tuple()[:2]), 'sys_platform': sys.platform}))\n";

        public static async Task<IReadOnlyDictionary<string, string>> ProbeAsync(IProcessRunner processes, string python, CancellationToken cancellation)
        {
            // -E -s -S (Python 2 has no -I): no environment, no site folder, no .pth file runs before the script.
            var run = await processes.RunAsync(python, new[] { "-E", "-s", "-S", "-c", Script }, null, cancellation, PythonEnvironment.Clean).ConfigureAwait(false);
            var line = run.StandardOutput.LastOrDefault(l => l.StartsWith("{", System.StringComparison.Ordinal));
            if (run.ExitCode != 0 || line == null)
            {
                throw new CodeEnvException(
                    ErrorIds.MarkerEnvironmentUnavailable,
                    $"'{python}' did not report its marker values (exit code {run.ExitCode}): {string.Join(" ", run.StandardError.Take(5))}",
                    python);
            }

            var values = JObject.Parse(line).Properties().ToDictionary(p => p.Name, p => p.Value.Value<string>() ?? "");
            values["extra"] = "";
            return values;
        }
    }
}
