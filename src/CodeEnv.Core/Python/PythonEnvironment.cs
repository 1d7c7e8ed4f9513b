using System.Collections.Generic;

namespace CodeEnv.Python
{
    /// <summary>
    /// Environment variables for every Python and pip run: the caller's own Python settings must not leak into
    /// an env (a PYTHONPATH or an activated venv would change what gets installed where).
    /// </summary>
    internal static class PythonEnvironment
    {
        public static readonly IReadOnlyDictionary<string, string?> Clean = new Dictionary<string, string?>
        {
            ["PYTHONPATH"] = null,
            ["PYTHONHOME"] = null,
            ["PYTHONSTARTUP"] = null,
            ["PYTHONUSERBASE"] = null,
            ["VIRTUAL_ENV"] = null,
            ["PYTHONNOUSERSITE"] = "1",
            ["PYTHONIOENCODING"] = "utf-8",
            ["PIP_DISABLE_PIP_VERSION_CHECK"] = "1",
            ["PIP_NO_INPUT"] = "1",
            ["PIP_REQUIRE_VIRTUALENV"] = null,
            // Sources live in the root settings, so a pip.conf of whoever runs the cmdlet is not read.
            ["PIP_CONFIG_FILE"] = Platform.IsWindows ? "nul" : "/dev/null",
        };
    }
}
