using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CodeEnv.Store;

namespace CodeEnv.Operations
{
    /// <summary>
    /// The env's activate scripts for shells, in its folder: <c>activate</c> for the POSIX shells (sh, dash, bash, zsh,
    /// ksh: <c>. envs/x/activate</c>) and <c>activate.ps1</c> for PowerShell. Each puts the env's stable venv first on
    /// PATH, sets VIRTUAL_ENV and the env's variables with CODEENV_RESOURCES: what Invoke-CodeEnvPython gives python,
    /// except the secret variables, since the scripts are as readable as the env folder (a shell user who needs a secret
    /// runs python with Invoke-CodeEnvPython). Rewritten whenever the definition changes and whenever the env is Ready.
    /// </summary>
    internal static class ActivationScripts
    {
        public const string PosixFileName = "activate";
        public const string PowerShellFileName = "activate.ps1";

        public static void Write(RootPaths paths, EnvironmentDefinition definition)
        {
            var folder = paths.EnvFolder(definition.Name);
            if (!Directory.Exists(folder))
            {
                return;
            }

            var venv = definition.RegisteredVenv ?? paths.VenvFolder(definition.Name);
            var variables = RuntimeEnvironment.Shown(paths, definition);
            WriteIfChanged(Path.Combine(folder, PosixFileName), Posix(definition.Name, Path.Combine(folder, PosixFileName), venv, variables));
            WriteIfChanged(Path.Combine(folder, PowerShellFileName), PowerShell(definition.Name, venv, variables));
        }

        private static string Posix(string name, string script, string venv, IReadOnlyDictionary<string, string> variables)
        {
            var text = new StringBuilder();
            text.Append("# Made by CodeEnv for the env '").Append(name).Append("': source it from sh, dash, bash, zsh or ksh (. ").Append(SingleQuoted(script)).Append(").\n");
            text.Append("# Secret variables are not here: Invoke-CodeEnvPython gives them to python.\n");
            text.Append("VIRTUAL_ENV=").Append(SingleQuoted(venv)).Append("\nexport VIRTUAL_ENV\n");
            text.Append("PATH=").Append(SingleQuoted(VenvLayout.ScriptsFolder(venv))).Append("\":$PATH\"\nexport PATH\n");
            foreach (var variable in variables)
            {
                text.Append(variable.Key).Append('=').Append(SingleQuoted(variable.Value)).Append("\nexport ").Append(variable.Key).Append('\n');
            }

            text.Append("hash -r 2>/dev/null || true\n");
            return text.ToString();
        }

        private static string PowerShell(string name, string venv, IReadOnlyDictionary<string, string> variables)
        {
            var text = new StringBuilder();
            text.Append("# Made by CodeEnv for the env '").Append(name).Append("': dot-source it from PowerShell.\n");
            text.Append("# Secret variables are not here: Invoke-CodeEnvPython gives them to python.\n");
            text.Append("$env:VIRTUAL_ENV = ").Append(PowerShellQuoted(venv)).Append('\n');
            text.Append("$env:PATH = ").Append(PowerShellQuoted(VenvLayout.ScriptsFolder(venv))).Append(" + [System.IO.Path]::PathSeparator + $env:PATH\n");
            foreach (var variable in variables)
            {
                text.Append("$env:").Append(variable.Key).Append(" = ").Append(PowerShellQuoted(variable.Value)).Append('\n');
            }

            return text.ToString();
        }

        private static string SingleQuoted(string value) => "'" + value.Replace("'", "'\\''") + "'";

        private static string PowerShellQuoted(string value) => "'" + value.Replace("'", "''") + "'";

        private static void WriteIfChanged(string path, string content)
        {
            if (!File.Exists(path) || File.ReadAllText(path) != content)
            {
                AtomicFile.WriteAllText(path, content);
            }
        }
    }
}
