using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using CodeEnv.Errors;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>
    /// What every CodeEnv cmdlet shares: the -Root parameter and its resolution, engine errors as ErrorRecords,
    /// Ctrl+C as a cancelled token, and engine work run off the pipeline thread with its reports written on it.
    /// </summary>
    public abstract class CodeEnvCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource stopping = new CancellationTokenSource();

        protected CancellationToken Cancellation => stopping.Token;

        protected override void StopProcessing() => stopping.Cancel();

        /// <summary>Runs engine work on a pool thread while this thread writes its verbose, warning and progress records.</summary>
        protected T RunEngine<T>(Func<IProgress<OperationReport>, CancellationToken, Task<T>> work) =>
            RunEngineWithPipeline<T>((reporter, token) => work(reporter, token));

        /// <summary>As RunEngine, for work that gives nothing back.</summary>
        protected void RunEngine(Func<IProgress<OperationReport>, CancellationToken, Task> work) =>
            RunEngineWithPipeline<bool>(async (reporter, token) =>
            {
                await work(reporter, token).ConfigureAwait(false);
                return true;
            });

        /// <summary>As RunEngine, for work that also writes output or information records while it runs.</summary>
        private protected T RunEngineWithPipeline<T>(Func<PipelineReporter, CancellationToken, Task<T>> work)
        {
            var reporter = new PipelineReporter(GetHashCode() & 0x7fffffff);
            var task = Task.Run(async () =>
            {
                try
                {
                    return await work(reporter, stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    reporter.Pending.CompleteAdding();
                }
            });
            try
            {
                foreach (var write in reporter.Pending.GetConsumingEnumerable())
                {
                    write(this);
                }
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                // A stopped pipeline refuses every write; the engine, cancelled, is still killing its processes and recording
                // the env's state. The cmdlet ends after it, so that whoever stopped it finds the env as the stop left it.
                foreach (var _ in reporter.Pending.GetConsumingEnumerable())
                {
                }

                ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
                throw;
            }

            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException e)
            {
                throw new CodeEnvException(ErrorIds.OperationStopped, "The operation was stopped.", null, e);
            }
        }

        /// <summary>
        /// Writes the items whose key matches <paramref name="requested"/>, the wildcard rule of every Get cmdlet: a
        /// literal that matches nothing is a non-terminating ObjectNotFound error, a wildcard that matches nothing
        /// is silent.
        /// </summary>
        protected void WriteMatching<T>(IEnumerable<T> items, string requested, Func<T, string> key, Func<CodeEnvException> notFound)
        {
            var pattern = NamePatterns.Parse(requested);
            var matches = items.Where(item => pattern.IsMatch(key(item))).ToList();
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(requested))
            {
                WriteError(ErrorRecords.From(notFound()));
            }

            WriteObject(matches, enumerateCollection: true);
        }

        /// <summary>
        /// ShouldProcess as every CodeEnv cmdlet asks it. A session that cannot ask for confirmation (pwsh
        /// -NonInteractive, input closed or from /dev/null, a host without a user interface) makes the host throw its own
        /// exception, which would read as a failure of CodeEnv; it ends the call instead with an error that says what
        /// happened and how to run unattended.
        /// </summary>
        protected new bool ShouldProcess(string target, string action)
        {
            try
            {
                return base.ShouldProcess(target, action);
            }
            catch (Exception e) when (!IsPipelineControl(e))
            {
                ThrowTerminatingError(ErrorRecords.ConfirmationNotPossible(
                    MyInvocation.MyCommand.Name,
                    $"\"{action}\" on \"{target}\"",
                    "add -Confirm:$false to the command, or set $ConfirmPreference = 'None' in the script",
                    e,
                    target));
                return false;
            }
        }

        /// <summary>ShouldContinue, the extra question -Force skips, with the same error as <see cref="ShouldProcess"/> where it cannot be asked.</summary>
        protected new bool ShouldContinue(string query, string caption)
        {
            try
            {
                return base.ShouldContinue(query, caption);
            }
            catch (Exception e) when (!IsPipelineControl(e))
            {
                ThrowTerminatingError(ErrorRecords.ConfirmationNotPossible(MyInvocation.MyCommand.Name, $"\"{caption}\"", "add -Force to the command", e, null));
                return false;
            }
        }

        /// <summary>
        /// Runs one item's work; an engine error becomes a non-terminating error for that item, which -ErrorAction
        /// silences as a script expects. Returns whether the work succeeded.
        /// </summary>
        protected bool ForItem(object? target, Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (CodeEnvException e)
            {
                if (e.Kind == ErrorKind.Stopped)
                {
                    ThrowTerminatingError(ErrorRecords.From(e));
                }

                WriteError(ErrorRecords.From(e));
            }
            catch (Exception e) when (!IsPipelineControl(e))
            {
                WriteError(ErrorRecords.Unexpected(e, target));
            }

            return false;
        }

        /// <summary>Runs work whose failure ends the whole call, such as resolving the root.</summary>
        protected void Terminating(object? target, Action action)
        {
            try
            {
                action();
            }
            catch (CodeEnvException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
            }
            catch (Exception e) when (!IsPipelineControl(e))
            {
                ThrowTerminatingError(ErrorRecords.Unexpected(e, target));
            }
        }

        // PowerShell's own flow control (Ctrl+C, -ErrorAction Stop, a closed pipeline) must pass through untouched. A host's
        // refusal to ask is not among them: ShouldProcess and ShouldContinue above turn it into ConfirmationNotPossible.
        private static bool IsPipelineControl(Exception e) =>
            e is PipelineStoppedException || e is PipelineClosedException || e is ActionPreferenceStopException || e is HaltCommandException;
    }
}
