using System;
using System.IO;
using System.Runtime.InteropServices;
using CodeEnv.Interop;

namespace CodeEnv.Store
{
    /// <summary>
    /// Children in process groups of their own (Linux): pip and the setup.py builds it starts form one group that can
    /// be ended as a whole, even after the process that started them was killed and they were re-parented to init.
    /// </summary>
    internal static class ProcessGroups
    {
        private const int SigKill = 9;

        /// <summary>setsid(1) puts the child in a new session and process group; our children are not group leaders, so it execs in place.</summary>
        public static bool Available => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && File.Exists(SetsidPath);

        public const string SetsidPath = "/usr/bin/setsid";

        /// <summary>The start time of a process (clock ticks since boot), or null when it is gone.</summary>
        public static long? StartTicks(int processId)
        {
            var fields = ProcStat.Fields(processId);
            return fields != null && fields.Length > 19 && long.TryParse(fields[19], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
                ? ticks
                : (long?)null;
        }

        /// <summary>
        /// Ends the group a dead holder's child led, unless its id now belongs to another process (a leader with another
        /// start time). While any member lives the id cannot be reused, so a group without its leader is still ours.
        /// Returns whether a signal was sent.
        /// </summary>
        public static bool EndOrphaned(int group, long? leaderStartTicks)
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || group <= 1)
            {
                return false;
            }

            var current = StartTicks(group);
            if (current != null && leaderStartTicks != null && current != leaderStartTicks)
            {
                return false;
            }

            return Libc.Kill(-group, SigKill) == 0;
        }
    }
}
