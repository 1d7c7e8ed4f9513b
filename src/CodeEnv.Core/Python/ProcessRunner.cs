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
using CodeEnv.Store;

namespace CodeEnv.Python
{
    /// <summary>
    /// Runs a child process through CliWrap, handing each output line to <c>onLine</c> as it arrives and
    /// killing the process when the token is cancelled (Ctrl+C in PowerShell).
    /// </summary>
    /// <remarks>
    /// The lost exit, explained (bench/child-exit-stress.ps1 finds it: 2 to 3 in 10,000 runs from 12 parallel
    /// runspaces on .NET 10.0.12): the child ends, its pipes close, it is reaped, and yet .NET's Process never raises
    /// Exited, so CliWrap waits for good. The runtime reaps children in its SIGCHLD handler from a table of the
    /// children it started, and a child registered in that table only after the start lock is released can be
    /// reaped under the wrong entry (dotnet/runtime has since moved the registration inside the lock for this very
    /// race). It cannot be fixed from outside the runtime, so CodeEnv does not depend on it: on Unix each child runs
    /// under a small sh wrapper that writes the child's exit status as the last line of its stderr. When the child
    /// is gone and both pipes have ended, that status is the result, whether or not the runtime reported the exit.
    /// </remarks>
    internal static class ProcessRunner
    {
        // Process.Kill(bool entireProcessTree) exists from .NET Core 3.0 on; Windows PowerShell 5.1's .NET Framework
        // has only Kill(), so the tree is killed where the runtime can.
        private static readonly MethodInfo? KillEntireTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });

        private const string ShellPath = "/bin/sh";

        // sh -c SCRIPT MARKER COMMAND ARGS...: runs the command, then writes MARKER and its status to stderr.
        private const string StatusScript = "\"$@\"; status=$?; printf '%s%d\\n' \"$0\" \"$status\" >&2; exit $status";

        private const string StatusMarker = "@@codeenv-exit-status=";

        private static readonly TimeSpan LostExitGrace = TimeSpan.FromSeconds(30);

        private static bool ReportsStatus => !Platform.IsWindows && File.Exists(ShellPath);

        public static async Task<ProcessResult> RunAsync(
            string executable,
            IReadOnlyList<string> arguments,
            Action<string>? onLine,
            CancellationToken cancellation,
            IReadOnlyDictionary<string, string?>? environment = null,
            Action<string>? onErrorLine = null,
            Action<int>? onStartedInOwnGroup = null,
            string? workingDirectory = null)
        {
            var shown = executable;
            if (Path.IsPathRooted(executable) && !File.Exists(executable))
            {
                throw new CodeEnvException(ErrorIds.ExecutableNotFound, $"'{shown}' cannot be started: there is no such file.", shown);
            }

            if (ReportsStatus)
            {
                arguments = new[] { "-c", StatusScript, StatusMarker, executable }.Concat(arguments).ToList();
                executable = ShellPath;
            }

            // A child whose start is recorded (pip, venv) runs in a process group of its own, which a successor can end.
            if (onStartedInOwnGroup != null && ProcessGroups.Available)
            {
                arguments = new[] { executable }.Concat(arguments).ToList();
                executable = ProcessGroups.SetsidPath;
            }

            var stdout = new List<string>();
            var stderr = new List<string>();
            var output = new ChildOutput();
            var command = Cli.Wrap(executable)
                .WithArguments(arguments)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(output.Lines(0, line =>
                {
                    lock (stdout)
                    {
                        stdout.Add(line);
                    }

                    onLine?.Invoke(line);
                }))
                .WithStandardErrorPipe(output.Lines(1, line =>
                {
                    var marker = line.LastIndexOf(StatusMarker, StringComparison.Ordinal);
                    if (marker >= 0 && int.TryParse(line.Substring(marker + StatusMarker.Length), out var status))
                    {
                        output.Status = status;
                        line = line.Substring(0, marker);
                        if (line.Length == 0)
                        {
                            return;
                        }
                    }

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

            if (workingDirectory != null)
            {
                command = command.WithWorkingDirectory(workingDirectory);
            }

            try
            {
                cancellation.ThrowIfCancellationRequested();
                var running = command.ExecuteAsync(CancellationToken.None);
                if (ProcessGroups.Available)
                {
                    onStartedInOwnGroup?.Invoke(running.ProcessId);
                }

                int exitCode;
                // CliWrap's own cancellation kills only the child; pip's builds run setup.py in grandchildren, which
                // would live on. The whole tree goes.
                using (cancellation.Register(() => KillTree(running.ProcessId)))
                {
                    exitCode = await WaitAsync(running, output, shown).ConfigureAwait(false);
                }

                cancellation.ThrowIfCancellationRequested();
                return new ProcessResult(exitCode, stdout, stderr);
            }
            catch (OperationCanceledException e)
            {
                throw new CodeEnvException(ErrorIds.OperationStopped, $"Stopped: '{shown}' was killed.", shown, e);
            }
            catch (Win32Exception e)
            {
                throw new CodeEnvException(ErrorIds.ExecutableNotFound, $"'{shown}' cannot be started: {e.Message}.", shown, e);
            }
            catch (InvalidOperationException e)
            {
                throw new CodeEnvException(ErrorIds.ExecutableNotFound, $"'{shown}' cannot be started: {e.Message}.", shown, e);
            }
        }

        /// <summary>
        /// The exit code: from the runtime when it reports the exit, else from the wrapper's status line once the
        /// child is gone and its pipes have ended. Only a child that is gone, with its pipes ended and no status
        /// written (killed before its wrapper could write one) and no report either, ends in ProcessExitLost.
        /// </summary>
        private static async Task<int> WaitAsync(CommandTask<CommandResult> running, ChildOutput output, string shown)
        {
            var processId = running.ProcessId;
            var goneSince = (DateTime?)null;
            while (running.Task != await Task.WhenAny(running.Task, Task.Delay(TimeSpan.FromMilliseconds(250))).ConfigureAwait(false))
            {
                if (!HasEnded(processId) || !output.Ended)
                {
                    goneSince = null;
                    continue;
                }

                if (output.Status is int status)
                {
                    return status;
                }

                goneSince ??= DateTime.UtcNow;
                if (DateTime.UtcNow - goneSince > LostExitGrace)
                {
                    throw new CodeEnvException(
                        ErrorIds.ProcessExitLost,
                        $"'{shown}' (pid {processId}) ended without reporting how; what it did is in the log. Run the command again.",
                        shown);
                }
            }

            var result = await running.ConfigureAwait(false);
            return output.Status ?? result.ExitCode;
        }

        // Linux: the process is gone from /proc, or is a zombie nobody reaps. Elsewhere the wait is trusted.
        private static bool HasEnded(int processId) => Directory.Exists("/proc/self") && ProcessTree.HasEnded(processId);

        private static void KillTree(int processId)
        {
            if (ProcessTree.Available)
            {
                ProcessTree.Kill(processId);
                return;
            }

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

        /// <summary>The child's two output pipes, read line by line to their end, and the status its wrapper wrote.</summary>
        private sealed class ChildOutput
        {
            private readonly bool[] ended = new bool[2];

            public int? Status { get; set; }

            public bool Ended => Volatile.Read(ref ended[0]) && Volatile.Read(ref ended[1]);

            public PipeTarget Lines(int pipe, Action<string> onLine) => PipeTarget.Create(async (stream, cancellation) =>
            {
                using (var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false)))
                {
                    string? line;
                    while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) != null)
                    {
                        onLine(line);
                    }
                }

                Volatile.Write(ref ended[pipe], true);
            });
        }
    }
}
