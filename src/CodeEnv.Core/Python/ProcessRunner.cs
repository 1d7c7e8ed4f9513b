using System;
using System.Collections.Generic;
using System.ComponentModel;
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
            Action<string>? onErrorLine = null)
        {
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
                CommandResult result;
                // CliWrap's own cancellation kills only the child; pip's builds run setup.py in grandchildren, which
                // would live on. The whole tree goes.
                using (cancellation.Register(() => KillTree(running.ProcessId)))
                {
                    result = await running.ConfigureAwait(false);
                }

                cancellation.ThrowIfCancellationRequested();
                return new ProcessResult(result.ExitCode, stdout, stderr);
            }
            catch (OperationCanceledException e)
            {
                throw new CodeEnvException(ErrorKind.Stopped, "OperationStopped", $"Stopped: '{executable}' was killed.", executable, e);
            }
            catch (Win32Exception e)
            {
                throw new CodeEnvException(ErrorKind.NotFound, "ExecutableNotFound", $"'{executable}' cannot be started: {e.Message}.", executable, e);
            }
            catch (InvalidOperationException e)
            {
                throw new CodeEnvException(ErrorKind.NotFound, "ExecutableNotFound", $"'{executable}' cannot be started: {e.Message}.", executable, e);
            }
        }
    }
}
