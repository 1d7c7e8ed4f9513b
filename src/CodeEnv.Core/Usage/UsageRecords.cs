using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CodeEnv.Errors;
using CodeEnv.Store;

namespace CodeEnv.Usage
{
    /// <summary>
    /// The usages CodeEnv records where it starts an env's python. One file per user, kind and container config, each
    /// replaced atomically, so the records are bounded by the env's users (never by its starts), two starts at once need
    /// no lock (the last one written wins, and both say "now"), and a killed write leaves the old record. A start within
    /// <see cref="Resolution"/> of the recorded one writes nothing: a job that starts python every second costs one stat.
    /// </summary>
    internal static class UsageRecords
    {
        /// <summary>How close two starts may be and count as one: what a report of days of idleness needs, and no more.</summary>
        public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

        /// <summary>
        /// Records a start. Best effort: a root the caller cannot write (a direct root of another account) or a full disk
        /// must not stop the python the caller asked for, so a failure to record is left unsaid.
        /// </summary>
        public static void Record(RootPaths paths, string name, UsageKind kind, string user, string? target, DateTimeOffset now)
        {
            var file = Path.Combine(paths.UsagesFolder(name), FileName(kind, user, target));
            try
            {
                if (File.Exists(file) && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < Resolution)
                {
                    return;
                }

                Directory.CreateDirectory(paths.UsagesFolder(name));
                SchemaFile.Write(file, new UsageRecord { SchemaVersion = DocumentSchemas.Usage.Current, Kind = kind, User = user, Target = target, LastUsed = now });
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || (e is CodeEnvException c && c.ErrorId == ErrorIds.FileWriteFailed.Id))
            {
            }
        }

        /// <summary>The env's records, newest first; a damaged one is skipped (it is only a hint, and the next start rewrites it).</summary>
        public static IReadOnlyList<UsageRecord> Read(RootPaths paths, string name)
        {
            var folder = paths.UsagesFolder(name);
            if (!Directory.Exists(folder))
            {
                return Array.Empty<UsageRecord>();
            }

            var records = new List<UsageRecord>();
            foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
            {
                try
                {
                    records.Add(SchemaFile.Read<UsageRecord>(file, DocumentSchemas.Usage));
                }
                catch (CodeEnvException)
                {
                }
            }

            return records.OrderByDescending(r => r.LastUsed).ThenBy(r => r.User, StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// "python.alice.json", "container.slim.alice.json": the kind, the config (a root identifier, lower-cased, as
        /// configs are one in any letter case) and the user, each escaped so no name can reach outside the folder.
        /// </summary>
        public static string FileName(UsageKind kind, string user, string? target) =>
            kind.ToString().ToLowerInvariant() + (target == null ? "" : "." + Escaped(target.ToLowerInvariant())) + "." + Escaped(user) + ".json";

        private static string Escaped(string text)
        {
            var escaped = new StringBuilder();
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                var c = (char)b;
                var plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                escaped.Append(plain ? c.ToString() : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return escaped.ToString();
        }
    }
}
