using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Store;

namespace CodeEnv.Service
{
    /// <summary>
    /// The interpreters the service will start: the ones it discovers on the machine and the ones an administrator
    /// registered. A path a caller names (New-CodeEnv -Interpreter) is compared with them as text and never opened,
    /// resolved or run: a python is started by the path discovery checked, so a venv's python whose pyvenv.cfg or
    /// .pth files someone else wrote never runs as the service account.
    /// </summary>
    internal sealed class ServedInterpreters : IInterpreterDiscovery
    {
        private readonly RootPaths paths;
        private readonly IInterpreterDiscovery machine;

        public ServedInterpreters(RootPaths paths, IInterpreterDiscovery machine)
        {
            this.paths = paths;
            this.machine = machine;
        }

        public Task<IReadOnlyList<PythonInterpreter>> DiscoverAsync(IReadOnlyList<string> registered, CancellationToken cancellation) =>
            machine.DiscoverAsync(registered, cancellation);

        public async Task<PythonInterpreter?> InspectAsync(string path, CancellationToken cancellation) =>
            await KnownAsync(path, cancellation).ConfigureAwait(false)
            ?? throw new CodeEnvException(
                ErrorIds.InterpreterNotKnownToService,
                $"'{path}' is not an interpreter the CodeEnv service found on this machine or one the root registers, so the service will not run it. Use one it found (-PythonVersion {string.Join(", ", (await KnownAsync(cancellation).ConfigureAwait(false)).Select(InterpreterSelector.ShortVersion).Distinct())}), installed where every account can run it; an administrator registers others with Register-CodeEnvPython.",
                path);

        /// <summary>Whether the service itself may start <paramref name="executable"/> outside the sandbox: it is an interpreter it knows.</summary>
        public async Task<bool> IsKnownAsync(string executable, CancellationToken cancellation) => await KnownAsync(executable, cancellation).ConfigureAwait(false) != null;

        // Discovery gives each interpreter by its real path; the other names it was found by are the service's own
        // symlinks (PATH, /usr/bin), resolved here on the service's side only.
        private async Task<PythonInterpreter?> KnownAsync(string path, CancellationToken cancellation)
        {
            if (string.IsNullOrEmpty(path) || !Path.IsPathRooted(path))
            {
                return null;
            }

            var wanted = Path.GetFullPath(path);
            var known = await KnownAsync(cancellation).ConfigureAwait(false);
            return known.FirstOrDefault(k => string.Equals(k.Path, wanted, StringComparison.Ordinal))
                ?? known.FirstOrDefault(k => Aliases(k).Contains(wanted));
        }

        private Task<IReadOnlyList<PythonInterpreter>> KnownAsync(CancellationToken cancellation) => machine.DiscoverAsync(RootStore.Read(paths).Interpreters, cancellation);

        // The names under which the machine's interpreters are commonly given: python3 and python3.X beside the real file.
        private static HashSet<string> Aliases(PythonInterpreter interpreter)
        {
            var aliases = new HashSet<string>(StringComparer.Ordinal);
            var folder = Path.GetDirectoryName(interpreter.Path);
            if (folder == null)
            {
                return aliases;
            }

            foreach (var name in new[] { "python3", "python", "python" + InterpreterSelector.ShortVersion(interpreter) })
            {
                var alias = Path.Combine(folder, name);
                if (string.Equals(RealPath.Of(alias), interpreter.Path, StringComparison.Ordinal))
                {
                    aliases.Add(alias);
                }
            }

            return aliases;
        }
    }
}
