using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// What a new venv generation runs before it may serve: the env's init script (after its packages are installed, to
    /// fetch or prepare what its code needs) and its smoke test (python code, then a script of its resources). Each runs
    /// with the generation's own python, in the resources folder, with the env's variables (its secrets too: they are
    /// the env's own, for its own code) and CODEENV_RESOURCES, through the engine's process runner, so on a served root
    /// in the service's sandbox: no network, the root hidden, only the generation and the resources folder writable.
    /// Output goes to the operation's log, every secret masked; a failure names the check and ends with its output's tail.
    /// </summary>
    internal sealed class GenerationGate
    {
        /// <summary>How many of a failed check's last output lines its error quotes (the log has them all).</summary>
        public const int TailLines = 20;

        private readonly EngineContext context;

        public GenerationGate(EngineContext context)
        {
            this.context = context;
        }

        /// <summary>Whether the env declares anything to run in a new generation.</summary>
        public static bool HasChecks(EnvironmentDefinition definition) =>
            definition.Runtime.InitScript != null || definition.Runtime.SmokeTest != null || definition.Runtime.SmokeTestScript != null;

        /// <summary>Runs the init script, if any, in the generation at <paramref name="venv"/>.</summary>
        public async Task RunInitScriptAsync(EnvironmentDefinition definition, string venv, OperationLog log, IOperationReporter reporter, CancellationToken cancellation)
        {
            var script = definition.Runtime.InitScript;
            if (script == null)
            {
                return;
            }

            var (exit, tail) = await RunAsync(definition, venv, ScriptArguments(definition, script), $"init script '{script}'", log, reporter, cancellation).ConfigureAwait(false);
            if (exit != 0)
            {
                throw new CodeEnvException(
                    ErrorIds.InitScriptFailed,
                    $"The init script '{script}' of '{definition.Name}' failed in the new venv (exit code {exit}).{KeptFor(FailedPath(definition.Name, venv))} Fix the script (Publish-CodeEnvResource) or remove it (Set-CodeEnv -InitScript ''), then run Update-CodeEnv again; the full output is in '{log.Path}'. Its last lines:{Quoted(tail)}",
                    definition.Name);
            }
        }

        /// <summary>Runs the smoke test (code, then script) in the generation at <paramref name="venv"/>; the first check that fails is the error.</summary>
        /// <param name="keptAt">Where the generation stays if it fails: the failed folder unless given.</param>
        public async Task RunSmokeTestAsync(EnvironmentDefinition definition, string venv, OperationLog log, IOperationReporter reporter, CancellationToken cancellation, string? keptAt = null)
        {
            var checks = new List<(string Check, IReadOnlyList<string> Arguments)>();
            if (definition.Runtime.SmokeTest != null)
            {
                checks.Add(($"smoke test '{OneLine(definition.Runtime.SmokeTest)}'", new[] { "-c", definition.Runtime.SmokeTest }));
            }

            if (definition.Runtime.SmokeTestScript != null)
            {
                checks.Add(($"smoke test script '{definition.Runtime.SmokeTestScript}'", ScriptArguments(definition, definition.Runtime.SmokeTestScript)));
            }

            foreach (var (check, arguments) in checks)
            {
                var (exit, tail) = await RunAsync(definition, venv, arguments, check, log, reporter, cancellation).ConfigureAwait(false);
                if (exit != 0)
                {
                    throw new CodeEnvException(
                        ErrorIds.SmokeTestFailed,
                        $"The {check} of '{definition.Name}' failed in the new venv (exit code {exit}), so it was not switched to.{KeptFor(keptAt ?? FailedPath(definition.Name, venv))} The full output is in '{log.Path}'. Its last lines:{Quoted(tail)}",
                        definition.Name);
                }

                reporter.Verbose($"The {check} of '{definition.Name}' passed in the new venv.");
            }
        }

        /// <summary>
        /// Moves a generation whose check failed out of the generations (so no sweep, prune or restore takes it) to the env's
        /// failed folder, replacing the one kept there before, and gives its new path.
        /// </summary>
        public string KeepFailed(string name, string generationFolder)
        {
            var failed = context.Paths.FailedGenerationsFolder(name);
            if (Directory.Exists(failed))
            {
                Directory.Delete(failed, recursive: true);
            }

            Directory.CreateDirectory(failed);
            var kept = Path.Combine(failed, Path.GetFileName(generationFolder));
            Directory.Move(generationFolder, kept);
            return kept;
        }

        /// <summary>Where a failed generation is kept, as the errors say it (<see cref="KeepFailed"/> moves it there).</summary>
        public string FailedPath(string name, string generationFolder) => Path.Combine(context.Paths.FailedGenerationsFolder(name), Path.GetFileName(generationFolder));

        private static string KeptFor(string kept) =>
            $" The env keeps serving the venv it had; the new venv is kept for inspection at '{kept}' (run its python: '{VenvLayout.Python(kept)}').";

        private IReadOnlyList<string> ScriptArguments(EnvironmentDefinition definition, string script) =>
            new[] { Path.Combine(context.Paths.ResourcesFolder(definition.Name), script.Replace('/', Path.DirectorySeparatorChar)) };

        private async Task<(int Exit, IReadOnlyList<string> Tail)> RunAsync(EnvironmentDefinition definition, string venv, IReadOnlyList<string> arguments, string check, OperationLog log, IOperationReporter reporter, CancellationToken cancellation)
        {
            var resources = context.Paths.ResourcesFolder(definition.Name);
            Directory.CreateDirectory(resources);
            var environment = RuntimeEnvironment.WithSecrets(context.Paths, definition).ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal);
            // pip's source variables make a served root's sandbox open a gateway to the sources they name: only the root's
            // own sources may do that, never an env's variables.
            foreach (var source in PipArguments.SourceVariables)
            {
                environment.Remove(source);
            }

            environment["VIRTUAL_ENV"] = venv;
            environment["PATH"] = VenvLayout.ScriptsFolder(venv) + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            var tail = new Queue<string>();
            var gate = new object();
            void Line(string line)
            {
                var shown = log.Shown(line);
                log.Line(shown);
                lock (gate)
                {
                    tail.Enqueue(shown);
                    while (tail.Count > TailLines)
                    {
                        tail.Dequeue();
                    }
                }
            }

            reporter.Verbose($"Running the {check} of '{definition.Name}' in the new venv.");
            log.Line($"> {check}: {VenvLayout.Python(venv)} in {resources}");
            var result = await context.Processes.RunAsync(VenvLayout.Python(venv), arguments, Line, cancellation, environment, Line, null, resources).ConfigureAwait(false);
            log.Line($"> {check} exited with {result.ExitCode}");
            lock (gate)
            {
                return (result.ExitCode, tail.ToList());
            }
        }

        private static string OneLine(string code)
        {
            var line = string.Join("; ", code.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
            return line.Length > 120 ? line.Substring(0, 117) + "..." : line;
        }

        private static string Quoted(IReadOnlyList<string> tail) => tail.Count == 0 ? " (it printed nothing)" : string.Concat(tail.Select(l => "\n  " + l));
    }
}
