using System.Collections.Concurrent;
using CodeEnv.Operations;

namespace CodeEnv.Core.Tests;

public sealed class RecordingReporter : IOperationReporter, IProgress<OperationReport>
{
    public void Report(OperationReport value) => value.Replay(this);

    public ConcurrentQueue<string> Verbose { get; } = new();

    public ConcurrentQueue<string> Warnings { get; } = new();

    void IOperationReporter.Verbose(string message) => Verbose.Enqueue(message);

    void IOperationReporter.Warning(string message) => Warnings.Enqueue(message);

    void IOperationReporter.Progress(string activity, string status, int percent)
    {
    }

    void IOperationReporter.ProgressCompleted(string activity)
    {
    }
}
