using System;
using System.Collections.Generic;
using System.ComponentModel;
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
        public static async Task<ProcessResult> RunAsync(
            string executable,
            IReadOnlyList<string> arguments,
            Action<string>? onLine,
            CancellationToken cancellation,
            IReadOnlyDictionary<string, string?>? environment = null)
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

                    onLine?.Invoke(line);
                }));
            if (environment != null)
            {
                command = command.WithEnvironmentVariables(environment);
            }

            try
            {
                var result = await command.ExecuteAsync(cancellation).ConfigureAwait(false);
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
