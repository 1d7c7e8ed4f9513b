using CodeEnv.Python;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A venv with pip in it for a test's oracle (real pip, which CodeEnv's own work is held against), laid out from the
/// run's shared seed of the interpreter as the engine lays out every env's first venv (<see cref="VenvSeeds"/>, which
/// <see cref="VenvSeedTests"/> prove makes an ordinary venv in every way a user can tell). `python -m venv` with
/// ensurepip cost about 3.5 CPU-seconds a venv; the oracle tests made nine a run.
/// </summary>
internal static class OracleVenv
{
    // A root of the test run's own whose seed cache is the run's shared folder (SharedSeeds), so its seeds are every test root's.
    private static readonly Lazy<(TempFolder Folder, RootPaths Paths)> SeedRoot = new(() =>
    {
        var folder = new TempFolder();
        var root = folder.Combine("oracle-seeds");
        SharedSeeds.Share(root);
        return (folder, new RootPaths(root));
    });

    /// <summary>Deletes the root that names the shared seeds; the test framework calls it once every test has run.</summary>
    public static void Delete()
    {
        if (SeedRoot.IsValueCreated)
        {
            SeedRoot.Value.Folder.Dispose();
        }
    }

    /// <summary>Makes a venv of <paramref name="interpreterPath"/> at <paramref name="target"/>, with the pip the interpreter bundles; returns the venv.</summary>
    public static string Make(string interpreterPath, string target)
    {
        var interpreter = Interpreters.All.FirstOrDefault(i => RealPath.Of(i.Path) == RealPath.Of(interpreterPath))
            ?? throw new InvalidOperationException($"'{interpreterPath}' is not among the interpreters discovery found: {string.Join(", ", Interpreters.All.Select(i => i.Path))}.");
        var (folder, paths) = SeedRoot.Value;
        var builder = new VenvBuilder(SystemProcessRunner.Instance, NullReporter.Instance, "oracle venv");
        using var log = new OperationLog(folder.Combine("logs"), "oracle-venv", DateTimeOffset.UtcNow, NullReporter.Instance);
        // Copies, not links: an oracle's pip may write in its venv, and the seed's files are every test root's.
        new VenvSeeds(paths, builder).CreateAsync(interpreter, target, log, CancellationToken.None, LinkMode.Copy).GetAwaiter().GetResult();
        return target;
    }
}
