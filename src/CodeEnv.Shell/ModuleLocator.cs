namespace CodeEnv.Shell;

/// <summary>Finds the CodeEnv module to import: -Module, $env:CODEENV_MODULE, a copy beside the shell, or the repo's out/CodeEnv.</summary>
internal static class ModuleLocator
{
    public static string? Find(string? explicitPath)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable("CODEENV_MODULE");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "CodeEnv", "CodeEnv.psd1");
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            var built = Path.Combine(folder.FullName, "out", "CodeEnv", "CodeEnv.psd1");
            if (File.Exists(built))
            {
                return built;
            }
        }

        return null;
    }
}
