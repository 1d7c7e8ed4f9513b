using System;
using System.IO;
using System.Text;

namespace CodeEnv
{
    /// <summary>
    /// The full output of one venv or pip run, kept under the env's <c>logs/</c> (named by <see cref="LogFileName"/>),
    /// and passed on line by line to Verbose; each line with the root's secrets masked (the caller passes Security's
    /// SecretRedactor, which sits above this shared code), since every user of the env may read its log.
    /// </summary>
    public sealed class OperationLog : IDisposable
    {
        private readonly StreamWriter writer;
        private readonly IOperationReporter reporter;
        private readonly Func<string, string> redact;
        private readonly object gate = new object();

        public OperationLog(string logsFolder, string operation, DateTimeOffset now, IOperationReporter reporter, Func<string, string>? redact = null)
        {
            this.redact = redact ?? (line => line);
            Directory.CreateDirectory(logsFolder);
            Path = System.IO.Path.Combine(logsFolder, LogFileName.Format(now, operation));
            writer = new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
            this.reporter = reporter;
        }

        public string Path { get; }

        public void Line(string line)
        {
            line = Shown(line);
            lock (gate)
            {
                writer.WriteLine(line);
            }

            reporter.Verbose(line);
        }

        /// <summary>A line as the log shows it: what an error message may quote of a run's output.</summary>
        public string Shown(string line) => redact(line);

        public void Dispose()
        {
            lock (gate)
            {
                writer.Dispose();
            }
        }
    }
}
