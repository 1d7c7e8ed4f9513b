using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// Installs stored wheels into a venv without pip, exactly as the wheel specification (PEP 427, PEP 491) and the
    /// "Recording installed projects" specification say and as pip does it, in the install scheme the venv's own
    /// interpreter reports (<see cref="InstallSchemeProbe"/>): files linked from the store, the compiled modules of the
    /// venv's interpreter with them, and RECORD, INSTALLER, REQUESTED, direct_url.json and scripts written for the venv,
    /// so pip, pip check and pip uninstall see what pip itself would have installed. An install either completes or
    /// throws a CodeEnvException; what it left in the venv is not undone (the caller builds a new venv generation and
    /// discards it on failure).
    /// </summary>
    public sealed class WheelInstaller
    {
        private readonly PackageStore store;
        private readonly IProcessRunner processes;

        public WheelInstaller(PackageStore store, IProcessRunner processes)
        {
            this.store = store;
            this.processes = processes;
        }

        /// <summary>Installs one stored tree into the venv at <paramref name="venv"/>.</summary>
        /// <param name="requested">Whether the user asked for the distribution (REQUESTED is written), not only a dependency.</param>
        /// <param name="directUrl">The PEP 610 direct_url.json text when it was installed from a URL or path; null otherwise.</param>
        public async Task<InstalledWheel> InstallAsync(string venv, StoredTree tree, bool requested, string? directUrl, LinkMode linkMode, CancellationToken cancellation) =>
            (await InstallAsync(venv, new[] { new WheelInstallRequest(tree, requested, directUrl) }, linkMode, cancellation).ConfigureAwait(false))[0];

        /// <summary>
        /// Installs stored trees into the venv at <paramref name="venv"/>, in order, starting the venv's interpreter at most
        /// twice: to learn its install scheme (once per interpreter, then remembered) and to compile the trees that have no
        /// bytecode for it yet.
        /// </summary>
        public async Task<IReadOnlyList<InstalledWheel>> InstallAsync(string venv, IReadOnlyList<WheelInstallRequest> wheels, LinkMode linkMode, CancellationToken cancellation)
        {
            var scheme = await InstallSchemeProbe.ForVenvAsync(store, venv, processes, cancellation).ConfigureAwait(false);
            await BytecodeCompiler.EnsureAsync(store, wheels.Select(w => w.Tree), scheme, processes, cancellation).ConfigureAwait(false);
            var installed = new List<InstalledWheel>();
            foreach (var wheel in wheels)
            {
                cancellation.ThrowIfCancellationRequested();
                installed.Add(Install(scheme, wheel.Tree, wheel.Requested, wheel.DirectUrl, linkMode));
            }

            return installed;
        }

        /// <summary>Installs one tree into a scheme already known, with whatever bytecode the store holds for it; starts no process.</summary>
        internal InstalledWheel Install(InstallScheme scheme, StoredTree tree, bool requested, string? directUrl, LinkMode linkMode)
        {
            try
            {
                return new WheelInstallation(store, scheme, tree, linkMode).Run(requested, directUrl);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new CodeEnvException(
                    ErrorIds.WheelInstallFailed,
                    $"Installing {tree.Name} {tree.Version} into '{scheme.Prefix}' failed: {e.Message}. Nothing in the package store changed; check that the venv's folders can be written and that the disk has space.",
                    tree.Name,
                    e);
            }
        }
    }
}
