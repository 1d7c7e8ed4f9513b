using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Gateway;
using CodeEnv.Python;
using CodeEnv.Store;

namespace CodeEnv.Service
{
    /// <summary>
    /// How the service starts an env's python (pip, the marker probe, the health check): inside a bubblewrap sandbox
    /// that can write to the venv generation being built and to the env's own pip cache, and to nothing else. The rest
    /// of the root (codeenv.json, the secrets, every other env and cache) is hidden behind an empty folder; the rest of
    /// the system is read-only. So a setup.py or a .pth file chosen by a user with UpdatePackages on one env reaches that
    /// env alone. Only the interpreters the service itself knows (the base interpreters making venvs and seeds) run as
    /// they are; any other program (a registered venv's python) runs in a sandbox that can write nothing at all.
    /// </summary>
    /// <remarks>
    /// The sandbox has no network. A pip run whose environment names URL sources (<see cref="PipArguments.SourceVariables"/>,
    /// with the root's credentials) gets them through an <see cref="IndexGateway"/> instead: the variables are taken out
    /// of what the sandbox is given, the gateway (in this process, holding the credentials) serves those sources on a
    /// Unix socket bound into the sandbox, and a forwarder in the sandbox (<see cref="GatewayForwarder"/>) gives pip
    /// gateway URLs on the sandbox's own loopback. No process in the sandbox, so none that runs package code, holds a
    /// credential in its environment, arguments or files, and it can reach no host but through the gateway, which
    /// fetches only the root's sources. What pip prints names the sources as users know them (credentials masked).
    /// </remarks>
    internal sealed class SandboxedProcessRunner : IProcessRunner
    {
        public const string Bubblewrap = "/usr/bin/bwrap";

        private readonly RootPaths paths;
        private readonly IProcessRunner inner;
        private readonly Func<string, CancellationToken, Task<bool>> isServiceInterpreter;

        /// <param name="isServiceInterpreter">Whether a program is one of the interpreters the service knows, which it runs unconfined.</param>
        public SandboxedProcessRunner(RootPaths paths, IProcessRunner inner, Func<string, CancellationToken, Task<bool>> isServiceInterpreter)
        {
            this.paths = paths;
            this.inner = inner;
            this.isServiceInterpreter = isServiceInterpreter;
        }

        /// <summary>Refuses to serve where no sandbox can be made, rather than run users' packages unconfined.</summary>
        public static void RequireSandbox()
        {
            if (!File.Exists(Bubblewrap))
            {
                throw new CodeEnvException(ErrorIds.SandboxMissing, $"The CodeEnv service runs pip for each env in a bubblewrap sandbox, and '{Bubblewrap}' is missing. Install it ('apt-get install bubblewrap'; the install script under deploy/ does) and start the service again.");
            }
        }

        public async Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, Action<string>? onLine, CancellationToken cancellation, IReadOnlyDictionary<string, string?>? environment = null, Action<string>? onErrorLine = null, Action<int>? onStartedInOwnGroup = null, string? workingDirectory = null)
        {
            var env = EnvOf(executable);
            if (env == null)
            {
                if (await isServiceInterpreter(executable, cancellation).ConfigureAwait(false))
                {
                    return await inner.RunAsync(executable, arguments, onLine, cancellation, environment, onErrorLine, onStartedInOwnGroup, workingDirectory).ConfigureAwait(false);
                }

                // Not a python the service knows: confined, with no source of the root's (and so no credential) at all.
                var confined = new List<string>(ReadOnlySandboxArguments(executable, workingDirectory)) { "--", executable };
                confined.AddRange(arguments);
                var withoutSources = environment?.Where(v => !PipArguments.SourceVariables.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
                return await inner.RunAsync(Bubblewrap, confined, onLine, cancellation, withoutSources, onErrorLine, onStartedInOwnGroup, workingDirectory).ConfigureAwait(false);
            }

            var routes = environment == null ? null : GatewayRoutes.From(environment);
            if (routes == null)
            {
                var sandboxed = new List<string>(SandboxArguments(env, executable, workingDirectory, gatewaySocket: null)) { "--", executable };
                sandboxed.AddRange(arguments);
                return await inner.RunAsync(Bubblewrap, sandboxed, onLine, cancellation, environment, onErrorLine, onStartedInOwnGroup, workingDirectory).ConfigureAwait(false);
            }

            return await RunBehindGatewayAsync(env, routes, executable, arguments, onLine, cancellation, environment!, onErrorLine, onStartedInOwnGroup, workingDirectory).ConfigureAwait(false);
        }

        private async Task<ProcessResult> RunBehindGatewayAsync(string env, GatewayRoutes routes, string executable, IReadOnlyList<string> arguments, Action<string>? onLine, CancellationToken cancellation, IReadOnlyDictionary<string, string?> environment, Action<string>? onErrorLine, Action<int>? onStartedInOwnGroup, string? workingDirectory)
        {
            // The sandbox gets pip's variables with gateway URLs, and none of the credentials.
            var sandboxEnvironment = environment.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            foreach (var variable in routes.PipVariables)
            {
                sandboxEnvironment[variable.Key] = variable.Value;
            }

            // The sources' own trusted hosts are the gateway's to honour; pip trusts the gateway alone.
            sandboxEnvironment[PipArguments.TrustedHostVariable] = "127.0.0.1";
            Directory.CreateDirectory(paths.ServiceWorkFolder);
            using (var gateway = IndexGateway.Start(paths.ServiceWorkFolder, routes))
            {
                var sandboxed = new List<string>(SandboxArguments(env, executable, workingDirectory, gateway.SocketPath)) { "--" };
                sandboxed.AddRange(GatewayForwarder.Command(executable, gateway.SocketPath, routes.PipVariables.Keys, executable, arguments));
                var shownOnLine = onLine == null ? null : new Action<string>(line => onLine(routes.Shown(line)));
                var shownOnErrorLine = onErrorLine == null ? null : new Action<string>(line => onErrorLine(routes.Shown(line)));
                var run = await inner.RunAsync(Bubblewrap, sandboxed, shownOnLine, cancellation, sandboxEnvironment, shownOnErrorLine, onStartedInOwnGroup, workingDirectory).ConfigureAwait(false);
                ShowSourcesInReport(routes, arguments);
                return new ProcessResult(run.ExitCode, run.StandardOutput.Select(routes.Shown).ToList(), run.StandardError.Select(routes.Shown).ToList());
            }
        }

        /// <summary>
        /// pip's installation report (<c>--report</c>) names each file by the gateway URL pip fetched it from; like pip's
        /// output lines, it gets the sources' own URLs back (redacted), so a lock records where a file really came from.
        /// </summary>
        private static void ShowSourcesInReport(GatewayRoutes routes, IReadOnlyList<string> arguments)
        {
            var at = arguments.ToList().IndexOf("--report");
            if (at >= 0 && at + 1 < arguments.Count && File.Exists(arguments[at + 1]))
            {
                var report = arguments[at + 1];
                AtomicFile.WriteAllText(report, routes.Shown(File.ReadAllText(report)));
            }
        }

        /// <summary>The env whose folder holds <paramref name="executable"/>, or null.</summary>
        private string? EnvOf(string executable) => ChildHolding(paths.EnvsFolder, executable) is string folder ? Path.GetFileName(folder) : null;

        // venvs/<n>/bin/python: the generation being built or checked, the one folder pip may write.
        private static string? GenerationOf(string envFolder, string executable) => ChildHolding(Path.Combine(envFolder, "venvs"), executable);

        /// <summary>The folder directly under <paramref name="parent"/> that holds <paramref name="path"/>, or null.</summary>
        private static string? ChildHolding(string parent, string path)
        {
            var prefix = parent + Path.DirectorySeparatorChar;
            var full = Path.GetFullPath(path);
            if (!full.StartsWith(prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var slash = full.IndexOf(Path.DirectorySeparatorChar, prefix.Length);
            return slash > prefix.Length ? full.Substring(0, slash) : null;
        }

        // A program the service does not know (a registered venv's python): the whole root hidden, its venv readable, nothing writable.
        private IEnumerable<string> ReadOnlySandboxArguments(string executable, string? workingDirectory)
        {
            var arguments = new List<string>
            {
                "--die-with-parent", "--unshare-all",
                "--ro-bind", "/", "/",
                "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                "--tmpfs", paths.Root, "--remount-ro", paths.Root,
            };
            // bin/python's venv, which may lie under the hidden /tmp.
            var venv = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(executable)));
            if (venv != null && Directory.Exists(venv) && !venv.StartsWith(paths.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                arguments.AddRange(new[] { "--ro-bind", venv, venv });
            }

            arguments.AddRange(new[] { "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp", "--chdir", workingDirectory ?? "/tmp" });
            return arguments;
        }

        private IEnumerable<string> SandboxArguments(string env, string executable, string? workingDirectory, string? gatewaySocket)
        {
            var envFolder = paths.EnvFolder(env);
            var cache = paths.EnvPipCache(env);
            Directory.CreateDirectory(cache);
            var arguments = new List<string>
            {
                // Every namespace of its own, the network too: no host is reachable but through the gateway's socket.
                "--die-with-parent", "--unshare-all",
                "--ro-bind", "/", "/",
                "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                // The whole root disappears behind an empty folder; only what this env needs comes back.
                "--tmpfs", paths.Root,
                "--ro-bind", envFolder, envFolder,
                // pip is told the root's cache folder; inside, that is this env's own.
                "--bind", cache, paths.PipCache,
            };
            // pip reads the root's wheelhouse and its local find-links folders (which may lie under the hidden /tmp).
            var sources = RootStore.Read(paths).PackageSources.FindLinks.Where(l => !PackageSources.IsUrl(l));
            foreach (var folder in new[] { paths.Wheelhouse }.Concat(sources).Where(Directory.Exists))
            {
                arguments.AddRange(new[] { "--ro-bind", folder, folder });
            }

            if (gatewaySocket != null)
            {
                arguments.AddRange(new[] { "--bind", gatewaySocket, gatewaySocket });
            }

            // The env's resources, which its init script fills: whoever may choose the packages built here may write them anyway (Publish-CodeEnvResource).
            var resources = paths.ResourcesFolder(env);
            if (Directory.Exists(resources))
            {
                arguments.AddRange(new[] { "--bind", resources, resources });
            }

            var generation = GenerationOf(envFolder, executable);
            if (generation != null)
            {
                arguments.AddRange(new[] { "--bind", generation, generation });
            }

            // The empty folder in the root's place is read-only too, once the binds inside it are made: nothing can be put there.
            arguments.AddRange(new[] { "--remount-ro", paths.Root, "--setenv", "HOME", "/tmp", "--setenv", "TMPDIR", "/tmp", "--chdir", workingDirectory ?? "/tmp" });
            return arguments;
        }
    }
}
