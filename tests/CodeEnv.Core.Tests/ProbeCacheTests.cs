using CodeEnv.Python;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>What a Python said of itself is kept across processes, for the same file and while its folders look the same.</summary>
public class ProbeCacheTests
{
    private const string Key = "/opt/python/bin/python3.12|6000000|638000000000000000";

    [Fact]
    public void A_probe_is_found_again_by_another_reader_of_the_same_file()
    {
        using var folder = new TempFolder();
        var probe = Probe(folder, venv: true, headers: true);

        new ProbeCache(folder.Combine("cache.json")).Add(Key, probe);
        var found = new ProbeCache(folder.Combine("cache.json")).TryGet(Key, out var again);

        Assert.True(found);
        Assert.Equal(probe.Executable, again!.Executable);
        Assert.Equal(probe.NumericVersion, again.NumericVersion);
        Assert.True(again.SupportsVenv && again.HasHeaders);
    }

    [Fact]
    public void A_probe_of_another_size_or_time_of_the_file_is_not_found()
    {
        using var folder = new TempFolder();
        var cache = new ProbeCache(folder.Combine("cache.json"));
        cache.Add(Key, Probe(folder, venv: true, headers: false));

        Assert.False(cache.TryGet(Key.Replace("|6000000|", "|6000001|"), out _));
    }

    [Fact]
    public void Headers_installed_since_the_probe_make_it_stale()
    {
        using var folder = new TempFolder();
        var cache = new ProbeCache(folder.Combine("cache.json"));
        cache.Add(Key, Probe(folder, venv: true, headers: false));

        File.WriteAllText(folder.Combine("include", "Python.h"), "");

        Assert.False(cache.TryGet(Key, out _));
    }

    [Fact]
    public void A_damaged_cache_is_no_cache()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("cache.json"), "{ not json");
        var cache = new ProbeCache(folder.Combine("cache.json"));

        Assert.False(cache.TryGet(Key, out _));
        cache.Add(Key, Probe(folder, venv: false, headers: false));
        Assert.True(cache.TryGet(Key, out _));
    }

    // An interpreter's folders as the probe saw them: the standard library with or without venv and ensurepip, an include folder with or without Python.h.
    private static ProbeResult Probe(TempFolder folder, bool venv, bool headers)
    {
        var stdlib = folder.Combine("lib");
        Directory.CreateDirectory(folder.Combine("include"));
        if (venv)
        {
            Directory.CreateDirectory(Path.Combine(stdlib, "venv"));
            Directory.CreateDirectory(Path.Combine(stdlib, "ensurepip"));
        }

        if (headers)
        {
            File.WriteAllText(folder.Combine("include", "Python.h"), "");
        }

        return new ProbeResult("3.12.4", new Version(3, 12, 4), "/opt/python/bin/python3.12", "/opt/python", "/opt/python", venv, headers, "CPython", "x86_64", stdlib, folder.Combine("include"));
    }
}
