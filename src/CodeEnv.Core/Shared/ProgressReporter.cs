using System;

namespace CodeEnv
{
    /// <summary>
    /// The engine's reporter for an operation of the contract: what the engine reports becomes an
    /// <see cref="OperationReport"/> for the caller's progress (the cmdlet's pipeline on a direct root, the connection on
    /// a served one), or nothing when the caller passed none.
    /// </summary>
    internal sealed class ProgressReporter : IOperationReporter
    {
        private readonly IProgress<OperationReport>? progress;

        private ProgressReporter(IProgress<OperationReport>? progress)
        {
            this.progress = progress;
        }

        /// <summary>The reporter for <paramref name="progress"/>: itself when it already is one (a cmdlet's), so nothing is converted twice.</summary>
        public static IOperationReporter For(IProgress<OperationReport>? progress) => progress as IOperationReporter ?? new ProgressReporter(progress);

        public void Verbose(string message) => progress?.Report(new OperationReport { Kind = OperationReportKind.Verbose, Message = message });

        public void Warning(string message) => progress?.Report(new OperationReport { Kind = OperationReportKind.Warning, Message = message });

        public void Progress(string activity, string status, int percent) =>
            progress?.Report(new OperationReport { Kind = OperationReportKind.Progress, Activity = activity, Status = status, Percent = percent });

        public void ProgressCompleted(string activity) => progress?.Report(new OperationReport { Kind = OperationReportKind.ProgressCompleted, Activity = activity });
    }
}
