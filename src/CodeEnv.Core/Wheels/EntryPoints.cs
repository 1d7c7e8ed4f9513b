using System;
using System.Collections.Generic;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// The console_scripts and gui_scripts of a distribution's entry_points.txt, read as importlib.metadata reads it (and so
    /// pip on Python 3.11 and later): lines trimmed, blank lines and '#' comments skipped, "[group]" starting a group,
    /// "name = value" split at the first '='; a later name replaces an earlier one.
    /// </summary>
    internal sealed class EntryPoints
    {
        public static readonly EntryPoints None = new EntryPoints();

        public Dictionary<string, string> Console { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public Dictionary<string, string> Gui { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The scripts of <paramref name="text"/>; the number and text of a line that is not "name = value", when one is not.</summary>
        public static EntryPoints Parse(string text, out string? problem)
        {
            var found = new EntryPoints();
            problem = null;
            string? group = null;
            var number = 0;
            foreach (var raw in text.Replace("\r\n", "\n").Split('\n', '\r'))
            {
                number++;
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (line.StartsWith("[", StringComparison.Ordinal) && line.EndsWith("]", StringComparison.Ordinal))
                {
                    group = line.Trim('[', ']');
                    continue;
                }

                if (group == null)
                {
                    continue;
                }

                var equals = line.IndexOf('=');
                if (equals < 0)
                {
                    problem ??= $"line {number} of entry_points.txt, '{line}', is not 'name = value'";
                    continue;
                }

                var target = group == "console_scripts" ? found.Console : group == "gui_scripts" ? found.Gui : null;
                if (target != null)
                {
                    target[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
                }
            }

            return found;
        }

        /// <summary>Whether a file of .data/scripts is a wrapper setuptools made for one of these scripts (EP, EP.exe, EP-script.py, EP.pya), which pip leaves out.</summary>
        public bool IsWrapper(string fileName)
        {
            var lower = fileName.ToLowerInvariant();
            var name = lower.EndsWith(".exe", StringComparison.Ordinal) || lower.EndsWith(".pya", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - 4)
                : lower.EndsWith("-script.py", StringComparison.Ordinal) ? fileName.Substring(0, fileName.Length - 10)
                : fileName;
            return Console.ContainsKey(name) || Gui.ContainsKey(name);
        }
    }
}
