using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using CodeEnv.Operations;

namespace CodeEnv.Cmdlets.Infrastructure
{
    /// <summary>
    /// Collects what the engine reports from any thread and replays it on the pipeline thread, the only thread
    /// allowed to call WriteVerbose, WriteWarning and WriteProgress. The contract's operations report to it as their
    /// progress, in the order they were sent (from the service's connection on a served root).
    /// </summary>
    internal sealed class PipelineReporter : IOperationReporter, IProgress<OperationReport>
    {
        private readonly BlockingCollection<Action<Cmdlet>> pending = new BlockingCollection<Action<Cmdlet>>();
        private readonly int activityId;

        public PipelineReporter(int activityId)
        {
            this.activityId = activityId;
        }

        public BlockingCollection<Action<Cmdlet>> Pending => pending;

        /// <summary>Any other write (output, information) the engine's work produces, replayed on the pipeline thread.</summary>
        public void Post(Action<Cmdlet> write) => pending.Add(write);

        public void Report(OperationReport value) => value.Replay(this);

        public void Verbose(string message) => pending.Add(c => c.WriteVerbose(message));

        public void Warning(string message) => pending.Add(c => c.WriteWarning(message));

        public void Progress(string activity, string status, int percent) =>
            pending.Add(c => c.WriteProgress(new ProgressRecord(activityId, activity, string.IsNullOrEmpty(status) ? activity : status) { PercentComplete = percent }));

        public void ProgressCompleted(string activity) =>
            pending.Add(c => c.WriteProgress(new ProgressRecord(activityId, activity, "Done") { RecordType = ProgressRecordType.Completed }));
    }
}
