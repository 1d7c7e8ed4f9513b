namespace CodeEnv.TestSupport;

/// <summary>
/// Real setuptools and wheel wheels for building sdists offline. CPython 3.12 and 3.13 ship them in their test
/// suites (setuptools 67.6.1 with wheel 0.40/0.43), which run on 3.11 and 3.12; ensurepip's own setuptools 65 does
/// not run on 3.12 and Debian's is patched for Debian's Python.
/// </summary>
public static class BuildTools
{
    public static void CopyTo(string folder)
    {
        Directory.CreateDirectory(folder);
        var found = Candidates().Where(Directory.Exists)
            .Select(d => Directory.GetFiles(d, "*.whl").Where(f => Path.GetFileName(f).StartsWith("setuptools-") || Path.GetFileName(f).StartsWith("wheel-")).ToList())
            .FirstOrDefault(files => files.Count == 2)
            ?? throw new InvalidOperationException("No setuptools and wheel wheels were found in the test folders of pyenv's Python 3.12 or 3.13; install one of them with pyenv (its test suite ships both).");
        foreach (var wheel in found)
        {
            File.Copy(wheel, Path.Combine(folder, Path.GetFileName(wheel)), overwrite: true);
        }
    }

    private static IEnumerable<string> Candidates()
    {
        var pyenvRoot = System.Environment.GetEnvironmentVariable("PYENV_ROOT") ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".pyenv");
        var versions = Path.Combine(pyenvRoot, "versions");
        if (!Directory.Exists(versions))
        {
            yield break;
        }

        foreach (var version in Directory.GetDirectories(versions).OrderByDescending(v => v, StringComparer.Ordinal))
        {
            foreach (var lib in Directory.Exists(Path.Combine(version, "lib")) ? Directory.GetDirectories(Path.Combine(version, "lib"), "python3*") : Array.Empty<string>())
            {
                yield return Path.Combine(lib, "test", "wheeldata");
                yield return Path.Combine(lib, "test");
            }
        }
    }
}
