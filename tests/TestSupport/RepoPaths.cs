namespace CodeEnv.TestSupport;

/// <summary>Where the built artefacts are, found by walking up from the test assembly to the repository.</summary>
public static class RepoPaths
{
    public static string Repo { get; } = FindRepo();

    public static string ModuleManifest => Path.Combine(Repo, "out", "CodeEnv", "CodeEnv.psd1");

    public static string ModuleFolder => Path.Combine(Repo, "out", "CodeEnv");

    /// <summary>The codeenv shell built in the same configuration as these tests.</summary>
    public static string Shell
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = Path.Combine(Repo, "src", "CodeEnv.Shell", "bin", configuration, "net10.0", "codeenv.dll");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The codeenv shell is not built at '{path}'. Run 'dotnet build CodeEnv.Cmdlets.sln' first.");
            }

            return path;
        }
    }

    private static string FindRepo()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CodeEnv.Cmdlets.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository (CodeEnv.Cmdlets.sln) was not found above " + AppContext.BaseDirectory);
    }
}
