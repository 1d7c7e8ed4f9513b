using System;
using System.Collections.Generic;
using System.Linq;

namespace CodeEnv.Usage
{
    /// <summary>Since when an env is idle, for Get-CodeEnvUnused: the one rule, from the recorded usages and the env's LastUsed.</summary>
    internal static class IdleTime
    {
        /// <summary>
        /// The latest of the recorded usages and <paramref name="idleSince"/>, the env's <see cref="EnvironmentInfo.IdleSince"/>
        /// (LastUsed, or the creation of an env never used): a kernel or a scheduled job that starts the venv's python directly is seen only in LastUsed,
        /// and a start through Invoke-CodeEnvPython on a noatime mount only in the records, so neither alone decides.
        /// </summary>
        public static (DateTimeOffset Since, string? By) Of(DateTimeOffset idleSince, IReadOnlyList<UsageRecord> records)
        {
            var latest = records.OrderByDescending(r => r.LastUsed).FirstOrDefault();
            return latest != null && latest.LastUsed > idleSince ? (latest.LastUsed, latest.User) : (idleSince, latest?.User);
        }

        /// <summary>Whole days between <paramref name="since"/> and <paramref name="now"/>.</summary>
        public static int Days(DateTimeOffset since, DateTimeOffset now) => Math.Max(0, (int)Math.Floor((now - since).TotalDays));

        /// <summary>Idle for at least <paramref name="days"/> whole days; 0 days flags every env (what a test or a dry run asks).</summary>
        public static bool IsUnused(DateTimeOffset since, DateTimeOffset now, int days) => now - since >= TimeSpan.FromDays(days);
    }
}
