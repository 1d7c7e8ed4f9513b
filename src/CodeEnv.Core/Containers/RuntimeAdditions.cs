using System;
using System.Collections.Generic;
using System.Linq;
using CodeEnv.Errors;

namespace CodeEnv.Containers
{
    /// <summary>
    /// Named, documented Dockerfile additions a container config may take (New-CodeEnvContainerConfig -RuntimeAddition),
    /// so common needs are one word instead of lines each admin writes again. They go after the venv is on PATH and
    /// before the config's and env's end lines.
    /// </summary>
    public static class RuntimeAdditions
    {
        /// <summary>Each addition's name, what it does (the help's words) and its Dockerfile lines.</summary>
        public static readonly IReadOnlyList<(string Name, string Description, string Lines)> All = new[]
        {
            ("NonRootUser", "Runs the image as the user codeenv (uid 1000, home /home/codeenv) instead of root; later lines run as that user too.", "RUN useradd --uid 1000 --create-home --shell /bin/sh codeenv\nUSER codeenv"),
            ("Utf8", "A UTF-8 locale and UTF-8 I/O for Python: LANG and LC_ALL C.UTF-8, PYTHONUTF8=1.", "ENV LANG=C.UTF-8 LC_ALL=C.UTF-8 PYTHONUTF8=1"),
            ("Unbuffered", "Python's output unbuffered (logs reach the engine at once) and no bytecode written at run time: PYTHONUNBUFFERED=1, PYTHONDONTWRITEBYTECODE=1.", "ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1"),
        };

        /// <summary>The additions named, in their canonical spelling; a clear error for a name that is not one.</summary>
        public static List<string> Valid(IEnumerable<string> names)
        {
            var valid = new List<string>();
            foreach (var name in names)
            {
                var known = All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
                if (known.Name == null)
                {
                    throw new CodeEnvException(ErrorIds.RuntimeAdditionUnknown, $"'{name}' is not a runtime addition. CodeEnv has: {string.Join("; ", All.Select(a => a.Name + " (" + a.Description + ")"))}", name);
                }

                if (!valid.Contains(known.Name))
                {
                    valid.Add(known.Name);
                }
            }

            return valid;
        }

        public static string LinesOf(string name) => All.First(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)).Lines;
    }
}
