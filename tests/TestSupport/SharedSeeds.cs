namespace CodeEnv.TestSupport;

/// <summary>
/// The interpreter seeds (a root's cache/seeds/&lt;key&gt;, each a venv the engine built once with `python -m venv`)
/// shared by every test root of one test run: a root that built a seed gives it back when its test ends, and every
/// root made afterwards starts with a link to each seed given so far. Building a seed is the slowest step of a first
/// New-CodeEnv; without sharing, each of the suite's hundreds of roots paid it again. The engine builds every seed
/// itself (the folder name is its key of the interpreter), so what is shared is exactly what it would have built, and
/// it only ever reads a seed (a venv is laid out from it by copying), so one folder serves every root. A link, not a
/// copy: copying four seeds of a thousand files each into every root cost the test host more kernel time than all the
/// rest of its work.
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
    /// starts no process. For roots in this process only: other accounts' processes cannot be handed a folder of ours.
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

    /// <summary>Links every shared seed into the root's cache, so its first env is laid out without `python -m venv`.</summary>
    public static void LinkInto(string root)
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        var seeds = System.IO.Path.Combine(root, "cache", "seeds");
        foreach (var seed in Directory.GetDirectories(Folder).Where(IsComplete))
        {
            var target = System.IO.Path.Combine(seeds, System.IO.Path.GetFileName(seed));
            if (!Directory.Exists(target))
            {
                Directory.CreateDirectory(seeds);
                Directory.CreateSymbolicLink(target, seed);
            }
        }
    }

    /// <summary>Keeps a copy of each seed the root built that the run does not have yet.</summary>
    public static void TakeFrom(string root)
    {
        var seeds = System.IO.Path.Combine(root, "cache", "seeds");
        if (!Directory.Exists(seeds))
        {
            return;
        }

        foreach (var seed in Directory.GetDirectories(seeds).Where(s => new DirectoryInfo(s).LinkTarget == null && IsComplete(s)))
        {
            var shared = System.IO.Path.Combine(Folder, System.IO.Path.GetFileName(seed));
            if (Directory.Exists(shared))
            {
                continue;
            }

            // Copied beside its place and renamed into it, so a root never copies a half-written seed.
            var copying = shared + ".copying-" + Guid.NewGuid().ToString("N");
            try
            {
                FolderCopy.Copy(seed, copying);
                Directory.Move(copying, shared);
            }
            catch (IOException)
            {
                // Another test gave the same seed first, or the root is being torn down: either way nothing is lost.
                TryDelete(copying);
            }
            catch (UnauthorizedAccessException)
            {
                TryDelete(copying);
            }
        }
    }

    // The engine writes seed.json last, once the venv is complete; the folders it builds in, and this class copies into,
    // end in a dot and a GUID until they are renamed into place.
    private static bool IsComplete(string seed) =>
        File.Exists(System.IO.Path.Combine(seed, "seed.json")) && !InProgress.IsMatch(System.IO.Path.GetFileName(seed));

    private static readonly System.Text.RegularExpressions.Regex InProgress = new(@"\.(copying-)?[0-9a-f]{32}$");

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
