using System.Collections;
using System.Collections.Generic;

namespace CodeEnv.Python
{
    /// <summary>
    /// Environment variables for every Python and pip run: the caller's own Python and pip settings must not leak
    /// into an env (a PYTHONPATH, an activated venv, a PIP_FIND_LINKS or PIP_INDEX_URL would change what gets
    /// installed where, and from where).
    /// </summary>
    internal static class PythonEnvironment
    {
        public static IReadOnlyDictionary<string, string?> Clean => Build();

        private static Dictionary<string, string?> Build()
        {
            var clean = new Dictionary<string, string?>();
            // Every PIP_* variable of the caller is dropped: pip reads any option from one (PIP_FIND_LINKS=/opt/wheels
            // on this very CI machine), and sources belong in the root settings.
            foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
            {
                var name = (string)variable.Key;
                if (name.StartsWith("PIP_", System.StringComparison.OrdinalIgnoreCase))
                {
                    clean[name] = null;
                }
            }

            clean["PYTHONPATH"] = null;
            clean["PYTHONHOME"] = null;
            clean["PYTHONSTARTUP"] = null;
            clean["PYTHONUSERBASE"] = null;
            clean["VIRTUAL_ENV"] = null;
            clean["PYTHONNOUSERSITE"] = "1";
            clean["PYTHONIOENCODING"] = "utf-8";
            clean["PIP_DISABLE_PIP_VERSION_CHECK"] = "1";
            clean["PIP_NO_INPUT"] = "1";
            // Sources live in the root settings, so a pip.conf of whoever runs the cmdlet is not read.
            clean["PIP_CONFIG_FILE"] = Platform.IsWindows ? "nul" : "/dev/null";
            return clean;
        }
    }
}
