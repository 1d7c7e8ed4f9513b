namespace CodeEnv
{
    /// <summary>One thing an operation said, on its way to the caller's Verbose, warning or progress stream (over the service's connection on a served root).</summary>
    public sealed class OperationReport
    {
        public OperationReportKind Kind { get; set; }

        /// <summary>The Verbose or warning text.</summary>
        public string Message { get; set; } = "";

        public string Activity { get; set; } = "";

        public string Status { get; set; } = "";

        public int Percent { get; set; }

        /// <summary>Says the report to the reporter it was meant for.</summary>
        public void Replay(IOperationReporter reporter)
        {
            switch (Kind)
            {
                case OperationReportKind.Verbose:
                    reporter.Verbose(Message);
                    break;
                case OperationReportKind.Warning:
                    reporter.Warning(Message);
                    break;
                case OperationReportKind.Progress:
                    reporter.Progress(Activity, Status, Percent);
                    break;
                case OperationReportKind.ProgressCompleted:
                    reporter.ProgressCompleted(Activity);
                    break;
            }
        }
    }

    public enum OperationReportKind
    {
        Verbose,
        Warning,
        Progress,
        ProgressCompleted,
    }
}
