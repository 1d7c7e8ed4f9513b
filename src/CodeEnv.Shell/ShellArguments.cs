namespace CodeEnv.Shell;

/// <summary>The codeenv command line: -Command "text" or -File script.ps1 [args], optionally -Module path.</summary>
internal sealed record ShellArguments(string? Command, string? File, IReadOnlyList<string> FileArguments, string? ModulePath, bool NoModule = false)
{
    public const string Usage =
        "usage: codeenv -Command \"<PowerShell>\"\n" +
        "       codeenv -File <script.ps1> [arguments]\n" +
        "options: -Module <path to CodeEnv.psd1>   (default: $env:CODEENV_MODULE, then the built out/CodeEnv)\n" +
        "         -NoModule                        start without importing CodeEnv (to time Import-Module, say)\n" +
        "Runs PowerShell with the CodeEnv module imported. Errors go to stderr; the exit code is non-zero on any error.";

    public static ShellArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        string? command = null, file = null, module = null;
        var noModule = false;
        var fileArguments = new List<string>();
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (file != null)
            {
                fileArguments.Add(arg);
                continue;
            }

            string? Next() => i + 1 < args.Count ? args[++i] : null;
            switch (arg.ToLowerInvariant())
            {
                case "-command" or "-c" or "--command":
                    command = string.Join(" ", args.Skip(i + 1));
                    i = args.Count;
                    break;
                case "-file" or "-f" or "--file":
                    file = Next();
                    if (file == null)
                    {
                        problem = "-File needs the path of a script.";
                        return null;
                    }

                    break;
                case "-module" or "--module":
                    module = Next();
                    break;
                case "-nomodule" or "--nomodule":
                    noModule = true;
                    break;
                case "-noprofile" or "-noninteractive" or "-nologo":
                    break;
                default:
                    problem = $"Unknown argument '{arg}'.";
                    return null;
            }
        }

        if (command == null && file == null)
        {
            problem = "Give -Command or -File.";
            return null;
        }

        return new ShellArguments(command, file, fileArguments, module, noModule);
    }
}
