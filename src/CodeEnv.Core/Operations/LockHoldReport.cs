using System;
using System.Globalization;

namespace CodeEnv.Operations
{
    /// <summary>
    /// How long one operation held one env's metadata lock, said once in Verbose when the operation ends. An update or a
    /// restore takes the lock for each moment the env's files change (reading the definition, marking it Updating,
    /// recording the outcome); one line per env per operation answers what a reader asks (every change takes
    /// milliseconds) without repeating itself. An operation that takes the lock once gets the same line.
    /// </summary>
    internal sealed class LockHoldReport : IDisposable
    {
        private readonly string name;
        private readonly IOperationReporter reporter;
        private int times;
        private TimeSpan total;
        private TimeSpan longest;

        public LockHoldReport(string operation, string name, IOperationReporter reporter)
        {
            Operation = operation;
            this.name = name;
            this.reporter = reporter;
        }

        /// <summary>The operation that holds the lock, as waiters see it named.</summary>
        public string Operation { get; }

        /// <summary>One release of the lock, and how long it was held.</summary>
        public void Add(TimeSpan held)
        {
            times++;
            total += held;
            if (held > longest)
            {
                longest = held;
            }
        }

        /// <summary>Says how long the lock was held, once; nothing when it was never taken.</summary>
        public void Dispose()
        {
            if (times == 0)
            {
                return;
            }

            reporter.Verbose(times == 1
                ? $"{Operation} held the lock of '{name}' for {Milliseconds(total)} ms."
                : $"{Operation} held the lock of '{name}' for {Milliseconds(total)} ms in all, {times} times (the longest {Milliseconds(longest)} ms).");
            times = 0;
        }

        private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
    }
}
