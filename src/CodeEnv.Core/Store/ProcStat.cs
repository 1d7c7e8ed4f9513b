using System;
using System.IO;

namespace CodeEnv.Store
{
    /// <summary>Linux's /proc/(pid)/stat, read past the command name (which may hold spaces and parentheses).</summary>
    internal static class ProcStat
    {
        /// <summary>The fields after the command name (state first), or null when the process is gone or unreadable.</summary>
        public static string[]? Fields(int processId)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{processId}/stat");
                return stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentOutOfRangeException)
            {
                return null;
            }
        }
    }
}
