using System.IO;

namespace CodeEnv.Python
{
    /// <summary>Where things are inside a virtual environment, which differs between Windows and the rest.</summary>
    public static class VenvLayout
    {
        public static string ScriptsFolder(string venv) => Path.Combine(venv, Platform.IsWindows ? "Scripts" : "bin");

        public static string Python(string venv) => Path.Combine(ScriptsFolder(venv), Platform.IsWindows ? "python.exe" : "python");

        public static string Config(string venv) => Path.Combine(venv, "pyvenv.cfg");
    }
}
