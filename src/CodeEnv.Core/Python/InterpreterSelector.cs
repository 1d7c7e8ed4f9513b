using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CodeEnv.Errors;

namespace CodeEnv.Python
{
    /// <summary>Picks the interpreter a -PythonVersion asks for: the newest discovered one whose version starts with it.</summary>
    public static class InterpreterSelector
    {
        private static readonly Regex VersionRequest = new Regex(@"^\d+(\.\d+){0,2}$", RegexOptions.CultureInvariant);

        /// <summary>Whether <paramref name="interpreter"/> is a version <paramref name="request"/> names: 3.11 matches 3.11.7, not 3.1.</summary>
        public static bool Matches(PythonInterpreter interpreter, string request)
        {
            Validate(request);
            var wanted = request.Split('.');
            var actual = interpreter.Version;
            var parts = new[] { actual.Major, actual.Minor, actual.Micro };
            for (var i = 0; i < wanted.Length; i++)
            {
                if (int.Parse(wanted[i]) != parts[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Throws InvalidArgument unless <paramref name="request"/> reads as 3, 3.11 or 3.11.7.</summary>
        public static void Validate(string request)
        {
            if (!VersionRequest.IsMatch(request))
            {
                throw new CodeEnvException(
                    ErrorIds.PythonVersionInvalid,
                    $"'{request}' is not a Python version. Give major.minor, such as 3.11, or a full version such as 3.11.7.",
                    request);
            }
        }

        public static PythonInterpreter Select(IReadOnlyList<PythonInterpreter> discovered, string request)
        {
            request = request.Trim();
            Validate(request);
            var matching = discovered.Where(i => Matches(i, request)).ToList();
            var usable = matching.Where(i => i.SupportsVenv).ToList();
            if (usable.Count > 0)
            {
                return usable.OrderByDescending(i => i.Version).First();
            }

            var installed = discovered.Where(i => i.SupportsVenv).Select(i => i.Version).Distinct().ToList();
            var list = installed.Count == 0 ? "none" : string.Join(", ", installed);
            if (matching.Count > 0)
            {
                throw new CodeEnvException(
                    ErrorIds.PythonVersionNotFound,
                    $"Python {request} is installed ({string.Join(", ", matching.Select(m => m.Path))}) but cannot create virtual environments: "
                    + $"its venv or ensurepip module is missing (on Debian and Ubuntu install python{ShortVersion(matching[0])}-venv). Versions that can: {list}.",
                    request);
            }

            throw new CodeEnvException(
                ErrorIds.PythonVersionNotFound,
                $"Python {request} is not installed. Installed versions that can create environments: {list}. "
                + "Install it (for example with pyenv or the OS package manager), or pass -Interpreter with the path of a python executable.",
                request);
        }

        public static string ShortVersion(PythonInterpreter interpreter)
        {
            var v = interpreter.Version;
            return v.Major + "." + v.Minor;
        }
    }
}
