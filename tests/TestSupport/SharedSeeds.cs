namespace CodeEnv.TestSupport;

/// <summary>
/// The interpreter seeds (a root's cache/seeds/&lt;key&gt;, each a venv the engine built once with `python -m venv`)
/// shared by every test root of one test run: each root's seed cache is a link to one folder of the run, so a seed any
/// root builds is every root's from then on. Building a seed is the slowest step of a first New-CodeEnv (ensurepip,
/// about 4.6 CPU-seconds); without sharing, each of the suite's hundreds of roots paid it again. The engine builds
/// every seed itself (the folder name is its key of the interpreter), so what is shared is exactly what it would have
/// built, and it only ever reads a seed (a venv is laid out from it), so one folder serves every root.
/// </summary>
public static class SharedSeeds
{
    /// <summary>Where the run keeps the seeds; a Pester file's roots copy them from here too (CODEENV_TEST_SEEDS).</summary>
    public static readonly string Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "codeenv-test-seeds-" + Environment.ProcessId);

    /// <summary>Deletes the run's seeds; the test framework calls it once every test has run (the test host is ended without its exit handlers running).</summary>
    public static void Delete() => TryDelete(Folder);

    /// <summary>
    /// Makes the root's seed cache the run's folder itself: a seed any such root builds (beside its place, then renamed
    /// into it, so two builders never meet half-way) is every such root's from then on, and a root that builds nothing
    /// starts no process. For roots only this account builds envs in: another account can read the seeds but not add one.
    /// </summary>
    public static void Share(string root)
    {
        var seeds = System.IO.Path.Combine(root, "cache", "seeds");
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(seeds)!);
        if (Directory.Exists(seeds))
        {
            Directory.Delete(seeds);
        }

        Directory.CreateSymbolicLink(seeds, Folder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
