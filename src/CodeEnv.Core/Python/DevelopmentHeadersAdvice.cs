using System;
using System.IO;
using System.Linq;

namespace CodeEnv.Python
{
    /// <summary>Says which OS package brings Python.h for an interpreter, so the warning can name it.</summary>
    public static class DevelopmentHeadersAdvice
    {
        public static string For(PythonInterpreter interpreter)
        {
            var shortVersion = InterpreterSelector.ShortVersion(interpreter);
            var distribution = OsReleaseIds();
            string remedy;
            if (interpreter.Source == "pyenv")
            {
                remedy = $"reinstall it with pyenv (pyenv install --force {interpreter.Version}), which installs the headers";
            }
            else if (distribution.Any(d => d == "debian" || d == "ubuntu"))
            {
                remedy = $"install the OS package python{shortVersion}-dev (apt-get install python{shortVersion}-dev, or python3-dev)";
            }
            else if (distribution.Any(d => d == "rhel" || d == "fedora" || d == "centos" || d == "suse" || d == "opensuse"))
            {
                remedy = $"install the OS package python{shortVersion.Replace(".", "")}-devel or python3-devel (dnf install python3-devel)";
            }
            else if (distribution.Contains("alpine"))
            {
                remedy = "install the OS package python3-dev (apk add python3-dev)";
            }
            else
            {
                remedy = "install the Python development headers package (python3-dev on Debian and Ubuntu, python3-devel on Red Hat and SUSE)";
            }

            return $"Python {interpreter.Version} at '{interpreter.Path}' has no development headers (Python.h), so packages that compile C extensions will fail to install. To fix it, {remedy}.";
        }

        private static string[] OsReleaseIds()
        {
            try
            {
                if (!File.Exists("/etc/os-release"))
                {
                    return Array.Empty<string>();
                }

                return File.ReadAllLines("/etc/os-release")
                    .Where(l => l.StartsWith("ID=", StringComparison.Ordinal) || l.StartsWith("ID_LIKE=", StringComparison.Ordinal))
                    .SelectMany(l => l.Substring(l.IndexOf('=') + 1).Trim('"').Split(' '))
                    .ToArray();
            }
            catch (IOException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
