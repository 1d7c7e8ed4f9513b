using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CliWrap;
using CodeEnv.Errors;

namespace CodeEnv.Python
{
    /// <summary>
    /// Runs a child process through CliWrap, handing each output line to <c>onLine</c> as it arrives and
    /// killing the process when the token is cancelled (Ctrl+C in PowerShell).
    /// </summary>
    internal static class ProcessRunner
    {
        // Process.Kill(bool entireProcessTree) exists from .NET Core 3.0 on; Windows PowerShell 5.1's .NET Framework
        // has only Kill(), so the tree is killed where the runtime can.
        private static readonly MethodInfo? KillEntireTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });

        private static readonly TimeSpan LostExitGrace = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Waits for the run, watching that the child still exists. Rarely (seen twice in hundreds of runs, never
        /// explained) the exit of a child was never reported and the wait hung for good; a child that has been gone
        /// for <see cref="LostExitGrace"/> while the run still waits ends the wait with a clear error instead.
        /// </summary>
        private static async Task WatchAsync(Task run, int processId, string executable)
        {
            var goneSince = (DateTime?)null;
            while (run != await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false))
            {
                if (!HasEnded(processId))
                {
                    goneSince = null;
                    continue;
                }

                goneSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - goneSince > LostExitGrace)
                {
                    throw new CodeEnvException(
                        ErrorKind.OperationFailed,
                        "ProcessExitLost",
                        $"'{executable}' (pid {processId}) ended, but its end was not reported within {LostExitGrace.TotalSeconds} s. What it did is in the log; run the command again.",
                        executable);
                }
            }
        }

        // Linux: the process is gone from /proc, or is a zombie nobody reaps. Elsewhere the wait is trusted.
        private static bool HasEnded(int processId)
        {
            if (!Directory.Exists("/proc/self"))
            {
                return false;
            }

            try
            {
                var stat = File.ReadAllText($"/proc/{processId}/stat");
                var state = stat.Substring(stat.LastIndexOf(')') + 2, 1);
                return state == "Z" || state == "X";
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentOutOfRangeException)
            {
                return true;
            }
        }

        private static void KillTree(int processId)
        {
            try
            {
                using (var process = Process.GetProcessById(processId))
                {
                    if (KillEntireTree != null)
                    {
                        KillEntireTree.Invoke(process, new object[] { true });
                    }
                    else
                    {
                        process.Kill();
                    }
                }
            }
            catch (Exception e) when (e is ArgumentException || e is InvalidOperationException || e is Win32Exception || e is TargetInvocationException)
            {
                // Already gone.
            }
        }

        public static async Task<ProcessResult> RunAsync(
            string executable,
            IReadOnlyList<string> arguments,
            Action<string>? onLine,
            CancellationToken cancellation,
            IReadOnlyDictionary<string, string?>? environment = null,
            Action<string>? onErrorLine = null,
            Action<int>? onStartedInOwnGroup = null)
        {
            var shown = executable;
            // A child whose start is recorded (pip, venv) runs in a process group of its own, which a successor can end.
            if (onStartedInOwnGroup != null && ProcessGroups.Available)
            {
                arguments = new[] { executable }.Concat(arguments).ToList();
                executable = ProcessGroups.SetsidPath;
            }

            var stdout = new List<string>();
            var stderr = new List<string>();
            var command = Cli.Wrap(executable)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
                {
                    lock (stdout)
                    {
                        stdout.Add(line);
                    }

                    onLine?.Invoke(line);
                }))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
                {
                    lock (stderr)
                    {
                        stderr.Add(line);
                    }

                    (onErrorLine ?? onLine)?.Invoke(line);
                }));
            if (environment != null)
            {
                command = command.WithEnvironmentVariables(environment);
            }

            try
            {
                cancellation.ThrowIfCancellationRequested();
                var running = command.ExecuteAsync(CancellationToken.None);
                if (ProcessGroups.Available)
                {
                    onStartedInOwnGroup?.Invoke(running.ProcessId);
                }

                CommandResult result;
                // CliWrap's own cancellation kills only the child; pip's builds run setup.py in grandchildren, which
                // would live on. The whole tree goes.
                using (cancellation.Register(() => KillTree(running.ProcessId)))
                {
                    await WatchAsync(running.Task, running.ProcessId, shown).ConfigureAwait(false);
                    result = await running.ConfigureAwait(false);
                }

                cancellation.ThrowIfCancellationRequested();
                return new ProcessResult(result.ExitCode, stdout, stderr);
            }
            catch (OperationCanceledException e)
            {
                throw new CodeEnvException(ErrorKind.Stopped, "OperationStopped", $"Stopped: '{shown}' was killed.", shown, e);
            }
            catch (Win32Exception e)
            {
                throw new CodeEnvException(ErrorKind.NotFound, "ExecutableNotFound", $"'{shown}' cannot be started: {e.Message}.", shown, e);
            }
            catch (InvalidOperationException e)
            {
                throw new CodeEnvException(ErrorKind.NotFound, "ExecutableNotFound", $"'{shown}' cannot be started: {e.Message}.", shown, e);
            }
        }
    }
}
