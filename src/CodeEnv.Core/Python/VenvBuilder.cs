using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>Builds a virtual environment with a real interpreter and installs requirements into it with real pip.</summary>
    internal sealed class VenvBuilder
    {
        private static readonly Regex PipStep = new Regex(@"^(Collecting|Processing|Downloading|Building wheel for|Installing collected packages:|Successfully installed|Uninstalling|Successfully uninstalled)\s*(.*)$");

        private readonly IProcessRunner processes;
        private readonly IOperationReporter reporter;
        private readonly string activity;
        private readonly System.Action<int> childStarted;

        /// <param name="childStarted">Told the process group of each venv or pip run as it starts, for the lock's holder record.
        /// Each such run gets a process group of its own either way.</param>
        public VenvBuilder(IProcessRunner processes, IOperationReporter reporter, string activity, System.Action<int>? childStarted = null)
        {
            this.processes = processes;
            this.reporter = reporter;
            this.activity = activity;
            this.childStarted = childStarted ?? (_ => { });
        }

        public async Task CreateVenvAsync(PythonInterpreter interpreter, string venvPath, OperationLog log, CancellationToken cancellation)
        {
            reporter.Progress(activity, $"Creating the virtual environment with Python {interpreter.Version}", 10);
            log.Line($"> {interpreter.Path} -m venv {venvPath}");
            var run = await processes.RunAsync(interpreter.Path, new[] { "-m", "venv", venvPath }, log.Line, cancellation, PythonEnvironment.Clean, onStartedInOwnGroup: childStarted).ConfigureAwait(false);
            if (run.ExitCode != 0)
            {
                throw Failure($"'{interpreter.Path} -m venv' failed with exit code {run.ExitCode}", run, log);
            }
        }

        /// <summary>Runs pip install -r with the root's sources; -Upgrade asks for the newest allowed versions of everything.</summary>
        /// <param name="reportFile">Where pip writes its installation report (<see cref="PipInstallReport"/>), or null for a pip too old to write one.</param>
        public Task InstallAsync(string venvPython, string requirementsFile, string? constraintsFile, bool upgrade, RootPaths paths, PackageSources sources, OperationLog log, CancellationToken cancellation, string? reportFile = null) =>
            InstallAsync(venvPython, requirementsFile, constraintsFile, upgrade, paths, sources, log, cancellation, reportFile, dryRun: false);

        /// <summary>
        /// pip's own resolution of the lines, installing nothing: <c>pip install --dry-run --report</c> in a new venv, so the
        /// report names every distribution pip would install there with the file it chose; tooling the seed already has
        /// and that satisfies the lines (a line <c>pip&gt;=23</c>) is kept, as pip install keeps it, not looked for anew.
        /// </summary>
        public Task ResolveAsync(string venvPython, string requirementsFile, string? constraintsFile, RootPaths paths, PackageSources sources, OperationLog log, CancellationToken cancellation, string reportFile) =>
            InstallAsync(venvPython, requirementsFile, constraintsFile, upgrade: false, paths, sources, log, cancellation, reportFile, dryRun: true);

        /// <summary>
        /// Builds the sdist at <paramref name="sdist"/> into a wheel in <paramref name="outputFolder"/> with
        /// <c>pip wheel --no-deps --use-pep517</c>, in an isolated build environment whose build requirements come from the root's sources.
        /// </summary>
        public Task BuildWheelAsync(string venvPython, string sdist, string outputFolder, RootPaths paths, PackageSources sources, OperationLog log, CancellationToken cancellation)
        {
            var args = PipArguments.Wheel(paths, sources);
            // --use-pep517 keeps build isolation (setuptools and wheel from the sources, as pip 23.1+ does by default for a
            // venv without wheel): an older pip would run setup.py bdist_wheel in the venv, which has no wheel to run it.
            args.AddRange(new[] { "--no-deps", "--use-pep517", "--wheel-dir", outputFolder, sdist });
            reporter.Progress(activity, "Building a wheel of " + System.IO.Path.GetFileName(sdist), 50);
            return RunPipAsync(venvPython, args, "pip wheel", log, cancellation, sources, PipArguments.SourceEnvironment(paths, sources));
        }

        private Task InstallAsync(string venvPython, string requirementsFile, string? constraintsFile, bool upgrade, RootPaths paths, PackageSources sources, OperationLog log, CancellationToken cancellation, string? reportFile, bool dryRun)
        {
            var args = PipArguments.Install(paths, sources);
            if (dryRun)
            {
                args.Add("--dry-run");
            }

            if (reportFile != null)
            {
                args.Add("--report");
                args.Add(reportFile);
            }

            if (constraintsFile != null)
            {
                args.Add("-c");
                args.Add(constraintsFile);
            }

            if (upgrade)
            {
                args.AddRange(new[] { "--upgrade", "--upgrade-strategy", "eager" });
            }

            args.Add("-r");
            args.Add(requirementsFile);
            reporter.Progress(activity, dryRun ? "Resolving the requirements with pip" : "Installing the requirements with pip", 40);
            var shown = PipArguments.SourceEnvironmentRedacted(sources);
            if (shown.Count > 0)
            {
                log.Line("> package sources: " + string.Join(" ", shown.Select(v => v.Key + "=" + v.Value)));
            }

            return RunPipAsync(venvPython, args, dryRun ? "pip install --dry-run" : "pip install", log, cancellation, sources, PipArguments.SourceEnvironment(paths, sources));
        }

        public Task UninstallAsync(string venvPython, IReadOnlyList<string> names, OperationLog log, CancellationToken cancellation)
        {
            reporter.Progress(activity, "Uninstalling " + string.Join(", ", names), 90);
            var args = new List<string> { "-m", "pip", "uninstall", "--yes", "--disable-pip-version-check" };
            args.AddRange(names);
            return RunPipAsync(venvPython, args, "pip uninstall", log, cancellation);
        }

        /// <param name="sources">The root's package sources, for an install: a failure's hint depends on them.</param>
        /// <param name="sourceEnvironment">The variables that give pip those sources.</param>
        private async Task RunPipAsync(string venvPython, IReadOnlyList<string> args, string what, OperationLog log, CancellationToken cancellation, PackageSources? sources = null, IReadOnlyDictionary<string, string?>? sourceEnvironment = null)
        {
            var environment = new Dictionary<string, string?>(PythonEnvironment.Clean.ToDictionary(v => v.Key, v => v.Value));
            foreach (var variable in sourceEnvironment ?? new Dictionary<string, string?>())
            {
                environment[variable.Key] = variable.Value;
            }

            log.Line("> " + venvPython + " " + string.Join(" ", args));
            var run = await processes.RunAsync(
                venvPython,
                args,
                line =>
                {
                    line = log.Shown(line);
                    log.Line(line);
                    var step = PipStep.Match(line);
                    if (step.Success)
                    {
                        reporter.Progress(activity, step.Groups[1].Value + " " + Subject(step.Groups[2].Value), 60);
                    }
                },
                cancellation,
                environment,
                onStartedInOwnGroup: childStarted).ConfigureAwait(false);
            if (run.ExitCode != 0)
            {
                throw Failure($"{what} failed with exit code {run.ExitCode}", run, log, sources);
            }
        }

        // "Processing /long/path/alpha-1.0-py3-none-any.whl (from -r ...)" names the package by its file; the rest is noise.
        private static string Subject(string text)
        {
            var from = text.IndexOf(" (from ", System.StringComparison.Ordinal);
            var subject = from >= 0 ? text.Substring(0, from) : text;
            return subject.IndexOfAny(new[] { '/', '\\' }) >= 0 && !subject.Contains(" ") ? System.IO.Path.GetFileName(subject.TrimEnd('/', '\\')) : subject;
        }

        private static CodeEnvException Failure(string what, ProcessResult run, OperationLog log, PackageSources? sources = null)
        {
            var cause = PipFailureCause.Lines(run).Select(log.Shown).ToList();
            var hint = sources == null ? null : PipFailureCause.Hint(cause, sources);
            return new CodeEnvException(
                ErrorIds.PythonCommandFailed,
                $"{what}:\n{string.Join("\n", cause)}\n{(hint == null ? "" : hint + "\n")}The full output is in '{log.Path}'.",
                log.Path);
        }
    }
}
