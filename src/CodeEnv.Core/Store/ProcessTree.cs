using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using CodeEnv.Interop;

namespace CodeEnv.Store
{
    /// <summary>
    /// Ends a process and every process below it (Linux), finding them all before it kills any. .NET's own tree kill
    /// kills a process, then looks for its children's children: a child that dies with its parent (a death signal, as
    /// a container engine's runtime helper has) is gone by then, and what it started lives on under init. A stopped
    /// image build left its RUN step running that way.
    /// </summary>
    internal static class ProcessTree
    {
        private const int SigKill = 9;
        private const int SigStop = 19;

        // A process can fork between a scan and its stop; a few rounds of stopping what was found catch those.
        private const int Rounds = 5;

        public static bool Available => RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && Directory.Exists("/proc");

        /// <summary>Stops the tree under <paramref name="root"/> (the root included), then kills every process of it.</summary>
        public static void Kill(int root)
        {
            var tree = new HashSet<int> { root };
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var pid in tree)
                {
                    Libc.Kill(pid, SigStop);
                }

                var found = Descendants(tree);
                if (found.IsSubsetOf(tree))
                {
                    break;
                }

                tree.UnionWith(found);
            }

            foreach (var pid in tree)
            {
                Libc.Kill(pid, SigKill);
            }

            // A killed process ends when the kernel next runs it, later on a loaded machine: the caller's stop means
            // the tree is gone, so a stopped update never reports Outdated while pip's build is still ending.
            var deadline = DateTime.UtcNow + EndWait;
            while (tree.Any(pid => !HasEnded(pid)) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
        }

        /// <summary>Whether the process is gone from /proc, or is a zombie its parent has not reaped yet (Linux).</summary>
        public static bool HasEnded(int processId)
        {
            var state = ProcStat.Fields(processId)?[0];
            return state == null || state == "Z" || state == "X";
        }

        private static readonly TimeSpan EndWait = TimeSpan.FromSeconds(10);

        /// <summary>Every live process whose parent chain reaches one of <paramref name="roots"/>.</summary>
        private static HashSet<int> Descendants(HashSet<int> roots)
        {
            var children = new Dictionary<int, List<int>>();
            foreach (var entry in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                var fields = ProcStat.Fields(pid);
                if (fields != null && fields.Length > 1 && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
                {
                    if (!children.TryGetValue(parent, out var list))
                    {
                        children[parent] = list = new List<int>();
                    }

                    list.Add(pid);
                }
            }

            var found = new HashSet<int>(roots);
            var pending = new Queue<int>(roots);
            while (pending.Count > 0)
            {
                foreach (var child in children.TryGetValue(pending.Dequeue(), out var list) ? list : Enumerable.Empty<int>())
                {
                    if (found.Add(child))
                    {
                        pending.Enqueue(child);
                    }
                }
            }

            return found;
        }
    }
}
