using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>
    /// Finds the Python interpreters on this machine: PATH, pyenv ($PYENV_ROOT or ~/.pyenv), /usr/bin,
    /// /usr/local/bin, the Windows py launcher (which reads the PEP 514 registry keys), and interpreters an
    /// administrator registered. One result per distinct interpreter: symlinks and shims are resolved.
    /// </summary>
    public sealed class InterpreterDiscovery
    {
        private static readonly Regex PythonFileName = new Regex(@"^python(\d+(\.\d+)?)?(\.exe)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly string? pathVariable;
        private readonly string? pyenvRoot;
        private readonly IReadOnlyList<string> registered;

        public InterpreterDiscovery(string? pathVariable, string? pyenvRoot, IReadOnlyList<string> registered)
        {
            this.pathVariable = pathVariable;
            this.pyenvRoot = pyenvRoot;
            this.registered = registered;
        }

        /// <summary>Discovery as the current process sees the machine.</summary>
        public static InterpreterDiscovery ForThisMachine(IReadOnlyList<string> registered)
        {
            var pyenv = System.Environment.GetEnvironmentVariable("PYENV_ROOT");
            if (string.IsNullOrEmpty(pyenv))
            {
                var home = System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
                pyenv = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".pyenv");
            }

            return new InterpreterDiscovery(System.Environment.GetEnvironmentVariable("PATH"), pyenv, registered);
        }

        public async Task<IReadOnlyList<PythonInterpreter>> DiscoverAsync(CancellationToken cancellation)
        {
            var candidates = new List<KeyValuePair<string, string>>();
            candidates.AddRange(registered.Select(p => new KeyValuePair<string, string>(p, "Registered")));
            candidates.AddRange(FromPath().Select(p => new KeyValuePair<string, string>(p, "PATH")));
            candidates.AddRange(FromPyenv().Select(p => new KeyValuePair<string, string>(p, "pyenv")));
            if (!Platform.IsWindows)
            {
                candidates.AddRange(FromFolder("/usr/bin").Select(p => new KeyValuePair<string, string>(p, "/usr/bin")));
                candidates.AddRange(FromFolder("/usr/local/bin").Select(p => new KeyValuePair<string, string>(p, "/usr/local/bin")));
            }
            else
            {
                candidates.AddRange((await FromPyLauncherAsync(cancellation).ConfigureAwait(false)).Select(p => new KeyValuePair<string, string>(p, "py launcher")));
            }

            // Several names usually lead to one file (python3 -> python3.11): probe each file once.
            var byRealPath = new Dictionary<string, string>(Platform.IsWindows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                var real = RealPath.Of(candidate.Key);
                if (!byRealPath.ContainsKey(real))
                {
                    byRealPath[real] = SourceOf(real, candidate.Value);
                }
            }

            var probes = await Task.WhenAll(byRealPath.Select(async c => new { Source = c.Value, Probe = await InterpreterProbe.ProbeAsync(c.Key, cancellation).ConfigureAwait(false) })).ConfigureAwait(false);

            // Shims and wrappers resolve to the interpreter they run; keep the first source that named it.
            var seen = new Dictionary<string, PythonInterpreter>(Platform.IsWindows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            foreach (var found in probes)
            {
                var probe = found.Probe;
                if (probe == null || probe.IsVirtualEnvironment || seen.ContainsKey(probe.Executable))
                {
                    continue;
                }

                seen[probe.Executable] = new PythonInterpreter(probe.Version, probe.Executable, found.Source, probe.SupportsVenv, probe.HasHeaders, probe.Implementation, probe.Machine);
            }

            return seen.Values
                .OrderByDescending(i => i.Version)
                .ThenBy(i => i.Path, StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Probes one path an administrator named; null when it is not a working Python.</summary>
        public static async Task<PythonInterpreter?> InspectAsync(string path, CancellationToken cancellation)
        {
            var probe = await InterpreterProbe.ProbeAsync(path, cancellation).ConfigureAwait(false);
            return probe == null
                ? null
                : new PythonInterpreter(probe.Version, probe.Executable, "Explicit", probe.SupportsVenv, probe.HasHeaders, probe.Implementation, probe.Machine);
        }

        private string SourceOf(string realPath, string foundThrough)
        {
            if (foundThrough == "Registered")
            {
                return foundThrough;
            }

            if (pyenvRoot != null && realPath.StartsWith(Path.GetFullPath(pyenvRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return "pyenv";
            }

            var folder = Path.GetDirectoryName(realPath);
            return folder == "/usr/bin" || folder == "/usr/local/bin" ? folder : foundThrough;
        }

        private IEnumerable<string> FromPath()
        {
            if (string.IsNullOrEmpty(pathVariable))
            {
                return Enumerable.Empty<string>();
            }

            return pathVariable!
                .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
                .Where(folder => !IsPyenvShimFolder(folder))
                .SelectMany(FromFolder);
        }

        // pyenv's shims are bash scripts that run whichever version pyenv selects; the versions themselves are
        // scanned directly, so starting every shim would only cost time.
        private bool IsPyenvShimFolder(string folder) =>
            pyenvRoot != null
            && folder.StartsWith(pyenvRoot, StringComparison.Ordinal)
            && Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar)) == "shims";

        private IEnumerable<string> FromPyenv()
        {
            if (pyenvRoot == null)
            {
                return Enumerable.Empty<string>();
            }

            var versions = Path.Combine(pyenvRoot, "versions");
            if (!Directory.Exists(versions))
            {
                return Enumerable.Empty<string>();
            }

            return SafeEnumerate(() => Directory.GetDirectories(versions))
                .Select(v => Path.Combine(v, Platform.IsWindows ? "python.exe" : Path.Combine("bin", "python")))
                .Where(File.Exists);
        }

        private static IEnumerable<string> FromFolder(string folder)
        {
            if (!Directory.Exists(folder))
            {
                return Enumerable.Empty<string>();
            }

            return SafeEnumerate(() => Directory.GetFiles(folder))
                .Where(f => PythonFileName.IsMatch(Path.GetFileName(f)))
                .OrderBy(f => f, StringComparer.Ordinal);
        }

        private static async Task<IEnumerable<string>> FromPyLauncherAsync(CancellationToken cancellation)
        {
            try
            {
                var run = await ProcessRunner.RunAsync("py", new[] { "-0p" }, null, cancellation).ConfigureAwait(false);
                if (run.ExitCode != 0)
                {
                    return Enumerable.Empty<string>();
                }

                // Lines look like " -V:3.12 *        C:\Python312\python.exe" or " -3.8-64        C:\...\python.exe".
                return run.StandardOutput
                    .Select(l => Regex.Match(l, @"\s(\S.*\.exe)\s*$", RegexOptions.IgnoreCase))
                    .Where(m => m.Success)
                    .Select(m => m.Groups[1].Value.Trim())
                    .ToList();
            }
            catch (Errors.CodeEnvException)
            {
                return Enumerable.Empty<string>();
            }
        }

        private static IEnumerable<string> SafeEnumerate(Func<string[]> list)
        {
            try
            {
                return list();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Enumerable.Empty<string>();
            }
        }
    }
}
