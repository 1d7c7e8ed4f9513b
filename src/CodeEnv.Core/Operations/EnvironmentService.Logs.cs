using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace CodeEnv.Operations
{
    public sealed partial class EnvironmentService
    {
        /// <summary>The env's operation logs, newest first.</summary>
        public IReadOnlyList<LogEntry> Logs(string name)
        {
            var environment = Get(name);
            var folder = paths.LogsFolder(environment.Name);
            if (!Directory.Exists(folder))
            {
                return Array.Empty<LogEntry>();
            }

            return new DirectoryInfo(folder).EnumerateFiles("*.log")
                .Select(file => ToLogEntry(environment.Name, file))
                .Where(entry => entry != null)
                .Select(entry => entry!)
                .OrderByDescending(entry => entry.StartedAt)
                .ThenByDescending(entry => entry.Path, StringComparer.Ordinal)
                .ToList();
        }

        // OperationLog names files <yyyyMMddTHHmmss.fffZ>-<operation>.log; other files are not logs of ours.
        private LogEntry? ToLogEntry(string name, FileInfo file)
        {
            var stem = Path.GetFileNameWithoutExtension(file.Name);
            var dash = stem.IndexOf('-');
            if (dash < 0 || !DateTimeOffset.TryParseExact(stem.Substring(0, dash), "yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var startedAt))
            {
                return null;
            }

            return new LogEntry(name, paths.Root, stem.Substring(dash + 1), startedAt, file.FullName, file.Length);
        }
    }
}
