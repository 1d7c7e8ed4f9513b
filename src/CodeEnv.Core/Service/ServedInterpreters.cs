using System;
using System.Collections.Generic;
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
    /// registered. Inspecting a python means running it, so a path a caller names (New-CodeEnv -Interpreter, a venv to
    /// adopt or register) is run only when it is one of those, never as the service account on the caller's say-so.
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

        public async Task<PythonInterpreter?> InspectAsync(string path, CancellationToken cancellation)
        {
            var known = await machine.DiscoverAsync(RootStore.Read(paths).Interpreters, cancellation).ConfigureAwait(false);
            var real = RealPath.Of(path);
            if (!known.Any(k => string.Equals(RealPath.Of(k.Path), real, StringComparison.Ordinal)))
            {
                throw new CodeEnvException(
                    ErrorKind.InvalidArgument,
                    "InterpreterNotKnownToService",
                    $"'{path}' is not an interpreter the CodeEnv service found on this machine or one the root registers, so the service will not run it. Use one it found (-PythonVersion {string.Join(", ", known.Select(k => InterpreterSelector.ShortVersion(k)).Distinct())}), installed where every account can run it.",
                    path);
            }

            return await machine.InspectAsync(path, cancellation).ConfigureAwait(false);
        }
    }
}
