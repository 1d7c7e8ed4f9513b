using System.IO;

namespace CodeEnv.Store
{
    /// <summary>Where things are inside a virtual environment, which differs between Windows and the rest.</summary>
    public static class VenvLayout
    {
        public static string ScriptsFolder(string venv) => Path.Combine(venv, Platform.IsWindows ? "Scripts" : "bin");

        public static string Python(string venv) => Path.Combine(ScriptsFolder(venv), Platform.IsWindows ? "python.exe" : "python");

        public static string Config(string venv) => Path.Combine(venv, "pyvenv.cfg");

        /// <summary>
        /// Why the venv's python is not what CodeEnv made, or null when it is: on Unix, a symbolic link that resolves
        /// to the registered interpreter. A script or binary put there by anyone who can write the venv would be
        /// run by whoever updates the env next, root included.
        /// </summary>
        public static string? InterpreterProblem(string venv, string registeredInterpreter)
        {
            var python = Python(venv);
            if (Platform.IsWindows || !File.Exists(python))
            {
                return null;
            }

            if (UnixLinks.ReadSymbolicLink(python) == null)
            {
                return $"'{python}' is a file, not the link to the interpreter CodeEnv made";
            }

            var actual = RealPath.Of(python);
            var expected = RealPath.Of(registeredInterpreter);
            return actual == expected ? null : $"'{python}' leads to '{actual}', not to the registered interpreter '{expected}'";
        }
    }
}
