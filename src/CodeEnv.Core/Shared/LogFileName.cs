using System;
using System.Globalization;

namespace CodeEnv
{
    /// <summary>
    /// How an operation log is named, <c>&lt;yyyyMMddTHHmmss.fffZ&gt;-&lt;operation&gt;.log</c>: written by
    /// <see cref="OperationLog"/> and read back by Get-CodeEnvLog, both from here.
    /// </summary>
    internal static class LogFileName
    {
        public const string Extension = ".log";

        private const string TimeFormat = "yyyyMMdd'T'HHmmss.fff'Z'";

        public static string Format(DateTimeOffset startedAt, string operation) =>
            startedAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + "-" + operation + Extension;

        /// <summary>The start time and operation of a log file's name; false for a file that is not a log of ours.</summary>
        public static bool TryParse(string fileName, out DateTimeOffset startedAt, out string operation)
        {
            startedAt = default;
            operation = "";
            if (!fileName.EndsWith(Extension, StringComparison.Ordinal))
            {
                return false;
            }

            var stem = fileName.Substring(0, fileName.Length - Extension.Length);
            var dash = stem.IndexOf('-');
            if (dash < 0 || !DateTimeOffset.TryParseExact(stem.Substring(0, dash), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out startedAt))
            {
                return false;
            }

            operation = stem.Substring(dash + 1);
            return true;
        }
    }
}
