using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// The scripts pip writes for console_scripts and gui_scripts (distlib's ScriptMaker as pip configures it: no variants,
    /// pip's and easy_install's versioned names, the venv's python in the shebang, or the /bin/sh trampoline where that path
    /// is too long for the kernel or holds a space), byte for byte, and the shebang pip gives a .data/scripts file that
    /// starts with '#!python'.
    /// </summary>
    internal static class EntryPointScript
    {
        // distlib's ENTRY_RE, for the value of a "name = value" entry point.
        private static readonly Regex Value = new Regex(@"^(?<callable>\w+([:.]\w+)*)\s*(\[\s*(?<flags>[\w-]+(=\w+)?(,\s*\w+(=\w+)?)*)\s*\])?", RegexOptions.CultureInvariant);

        private static readonly Regex VersionedPip = new Regex(@"^pip(\d+(\.\d+)?)?$", RegexOptions.CultureInvariant);

        private static readonly Regex VersionedEasyInstall = new Regex(@"^easy_install(-\d+\.\d+)?$", RegexOptions.CultureInvariant);

        /// <summary>The script files (name, entry point value) for a distribution's console scripts and then its gui scripts.</summary>
        public static IReadOnlyList<(string Name, string Value)> Scripts(EntryPoints entryPoints, string pythonVersion)
        {
            var console = new Dictionary<string, string>(entryPoints.Console, StringComparer.Ordinal);
            var scripts = new List<(string, string)>();
            // pip's own exception: pip and easy_install carry versioned names in their wheels for the Python that built them.
            if (console.TryGetValue("pip", out var pip))
            {
                console.Remove("pip");
                scripts.Add(("pip", pip));
                scripts.Add(("pip" + pythonVersion.Split('.')[0], pip));
                scripts.Add(("pip" + pythonVersion, pip));
                foreach (var versioned in console.Keys.Where(k => VersionedPip.IsMatch(k)).ToList())
                {
                    console.Remove(versioned);
                }
            }

            if (console.TryGetValue("easy_install", out var easyInstall))
            {
                console.Remove("easy_install");
                scripts.Add(("easy_install", easyInstall));
                scripts.Add(("easy_install-" + pythonVersion, easyInstall));
                foreach (var versioned in console.Keys.Where(k => VersionedEasyInstall.IsMatch(k)).ToList())
                {
                    console.Remove(versioned);
                }
            }

            scripts.AddRange(console.Select(c => (c.Key, c.Value)));
            scripts.AddRange(entryPoints.Gui.Select(g => (g.Key, g.Value)));
            return scripts;
        }

        /// <summary>Why <paramref name="name"/> = <paramref name="value"/> cannot become a script, or null when it can.</summary>
        public static string? Problem(string name, string value)
        {
            if (name.Length == 0 || name == "." || name == ".." || name.IndexOfAny(new[] { '/', '\\', '[', '\0' }) >= 0 || name.Any(char.IsWhiteSpace))
            {
                return $"the script name '{name}' is not a file name";
            }

            var match = Value.Match(value);
            if (!match.Success)
            {
                return $"the entry point '{name} = {value}' names no module and function";
            }

            if (!match.Groups["flags"].Success && value.IndexOfAny(new[] { '[', ']' }) >= 0)
            {
                return $"the entry point '{name} = {value}' has malformed extras";
            }

            var colons = match.Groups["callable"].Value.Count(c => c == ':');
            return colons == 1 ? null : colons == 0
                ? $"the entry point '{name} = {value}' has no ':function' part, which a script calls"
                : $"the entry point '{name} = {value}' has more than one ':'";
        }

        /// <summary>The script for an entry point <see cref="Problem"/> accepted, as pip writes it.</summary>
        public static byte[] Text(string python, string value)
        {
            var callable = Value.Match(value).Groups["callable"].Value.Split(':');
            var module = callable[0];
            var function = callable[1];
            var body = "# -*- coding: utf-8 -*-\n"
                + "import re\n"
                + "import sys\n"
                + $"from {module} import {function.Split('.')[0]}\n"
                + "if __name__ == '__main__':\n"
                + "    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n"
                + $"    sys.exit({function}())\n";
            return Encoding.UTF8.GetBytes(Shebang(python) + body);
        }

        /// <summary>The first line pip gives a .data/scripts file that starts with '#!python': the interpreter, as it is, and a line end.</summary>
        public static byte[] FixedFirstLine(string python) => Encoding.UTF8.GetBytes("#!" + python + "\n");

        /// <summary>distlib's shebang: "#!python" while it is short enough and has no space, else the /bin/sh trampoline.</summary>
        private static string Shebang(string python)
        {
            var executable = python.IndexOf(' ') >= 0 && !python.StartsWith("\"", StringComparison.Ordinal) ? "\"" + python + "\"" : python;
            var limit = System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.OSX) ? 512 : 127;
            if (executable.IndexOf(' ') < 0 && Encoding.UTF8.GetByteCount(executable) + 3 <= limit)
            {
                return "#!" + executable + "\n";
            }

            return "#!/bin/sh\n'''exec' " + executable + " \"$0\" \"$@\"\n' '''\n";
        }
    }
}
