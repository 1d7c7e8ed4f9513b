namespace CodeEnv.Shell;

/// <summary>The codeenv command line: -Command "text" or -File script.ps1 [args], optionally -Module path.</summary>
internal sealed record ShellArguments(string? Command, string? File, IReadOnlyList<string> FileArguments, string? ModulePath, bool NoModule = false, bool Serve = false)
{
    public const string Usage =
        "usage: codeenv -Command \"<PowerShell>\"\n" +
        "       codeenv -File <script.ps1> [arguments]\n" +
        "       codeenv serve --root <served root>     (the CodeEnv service, in the foreground, until SIGTERM or Ctrl+C)\n" +
        "options: -Module <path to CodeEnv.psd1>   (default: $env:CODEENV_MODULE, then the built out/CodeEnv)\n" +
        "         -NoModule                        start without importing CodeEnv (to time Import-Module, say)\n" +
        "Runs PowerShell with the CodeEnv module imported. Errors go to stderr; the exit code is non-zero on any error.";

    public static ShellArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        if (args.Count > 0 && args[0] == "serve")
        {
            return ParseServe(args.Skip(1).ToList(), out problem);
        }

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

    // serve --root <dir> [--module <path>]: Start-CodeEnvService for that root, what the systemd unit runs.
    private static ShellArguments? ParseServe(IReadOnlyList<string> args, out string? problem)
    {
        string? root = null, module = null;
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i].ToLowerInvariant())
            {
                case "--root" or "-root" when i + 1 < args.Count:
                    root = args[++i];
                    break;
                case "--module" or "-module" when i + 1 < args.Count:
                    module = args[++i];
                    break;
                default:
                    problem = $"Unknown argument '{args[i]}' for serve.";
                    return null;
            }
        }

        if (root == null)
        {
            problem = "serve needs --root <the served root's folder>.";
            return null;
        }

        return new ShellArguments($"Start-CodeEnvService -Root '{root.Replace("'", "''")}'", null, Array.Empty<string>(), module, Serve: true);
    }
}
