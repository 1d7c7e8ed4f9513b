using System;

namespace CodeEnv.Service
{
    /// <summary>The service side of reporting: what the engine reports becomes reports sent to the caller.</summary>
    internal sealed class ReportsToProgress : IOperationReporter
    {
        private readonly IProgress<OperationReport>? progress;

        public ReportsToProgress(IProgress<OperationReport>? progress)
        {
            this.progress = progress;
        }

        public void Verbose(string message) => progress?.Report(new OperationReport { Kind = OperationReportKind.Verbose, Message = message });

        public void Warning(string message) => progress?.Report(new OperationReport { Kind = OperationReportKind.Warning, Message = message });

        public void Progress(string activity, string status, int percent) =>
            progress?.Report(new OperationReport { Kind = OperationReportKind.Progress, Activity = activity, Status = status, Percent = percent });

        public void ProgressCompleted(string activity) => progress?.Report(new OperationReport { Kind = OperationReportKind.ProgressCompleted, Activity = activity });
    }

    /// <summary>
    /// The caller's side: each report goes to the cmdlet's reporter as it arrives. Not <see cref="Progress{T}"/>, which
    /// would post reports to the thread pool and lose their order; StreamJsonRpc calls this in the order they were sent,
    /// all before the operation's result.
    /// </summary>
    internal sealed class ProgressToReporter : IProgress<OperationReport>
    {
        private readonly IOperationReporter reporter;

        public ProgressToReporter(IOperationReporter reporter)
        {
            this.reporter = reporter;
        }

        public void Report(OperationReport value) => value.Replay(reporter);
    }
}
