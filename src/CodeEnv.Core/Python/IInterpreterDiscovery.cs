using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CodeEnv.Python
{
    /// <summary>Finds the Python interpreters of the machine and inspects one by path.</summary>
    public interface IInterpreterDiscovery
    {
        /// <summary>Every interpreter found, the root's registered ones included.</summary>
        Task<IReadOnlyList<PythonInterpreter>> DiscoverAsync(IReadOnlyList<string> registered, CancellationToken cancellation);

        /// <summary>The interpreter at <paramref name="path"/>, or null when it does not run as Python.</summary>
        Task<PythonInterpreter?> InspectAsync(string path, CancellationToken cancellation);
    }

    /// <summary>Discovery as the current process sees the machine (PATH, pyenv, /usr/bin, Windows' py launcher).</summary>
    public sealed class MachineInterpreters : IInterpreterDiscovery
    {
        public static readonly MachineInterpreters Instance = new MachineInterpreters();

        public Task<IReadOnlyList<PythonInterpreter>> DiscoverAsync(IReadOnlyList<string> registered, CancellationToken cancellation) =>
            InterpreterDiscovery.ForThisMachine(registered).DiscoverAsync(cancellation);

        public Task<PythonInterpreter?> InspectAsync(string path, CancellationToken cancellation) => InterpreterDiscovery.InspectAsync(path, cancellation);
    }
}
