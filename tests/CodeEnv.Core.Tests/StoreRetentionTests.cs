using CodeEnv.Errors;
using CodeEnv.Interop;
using CodeEnv.Retention;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;
using static CodeEnv.TestSupport.StoreFixture;

namespace CodeEnv.Core.Tests;

/// <summary>
/// What the package store holds and who uses it, and the prune: it removes only what no env generation uses, whole
/// (wheel, tree and compiled modules), refuses the rest by name of its users, and sweeps what interrupted work left.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class StoreRetentionTests : IDisposable
{
    private readonly TestRoot root = new();

    private PackageStore Store => new(root.Paths);

    private Locked Stored(string name, string version, string content = "VALUE = 1\n")
    {
        var wheel = new TestWheel(name, version).With($"{name.Replace('-', '_')}/__init__.py", content).Write(root.Scratch("dist"));
        var stored = Store.Add(wheel);
        Store.Tree(stored.Sha256);
        return new Locked(stored.Name, stored.Version, stored.FileName, stored.Sha256);
    }

    private IReadOnlyList<StoreItem> Items(bool unusedOnly = false) => root.Engine.Store.ItemsAsync(unusedOnly, CancellationToken.None).GetAwaiter().GetResult();

    private StoreRemoval Remove(bool sweep, params string[] sha256s) => root.Engine.Store.RemoveAsync(sha256s, sweep, null, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void Each_stored_wheel_is_listed_with_the_generations_that_use_it()
    {
        var alpha = Stored("alpha", "1.0");
        var beta = Stored("beta", "2.0");
        RecordGeneration(root.Paths.Root, "etl", 2, current: false, alpha);
        RecordGeneration(root.Paths.Root, "etl", 3, current: true, alpha, beta);
        RecordGeneration(root.Paths.Root, "api", 1, current: true, beta);

        var items = Items();

        Assert.Equal(new[] { "alpha", "beta" }, items.Select(i => i.Name));
        Assert.Equal((alpha.Sha256, alpha.FileName, "1.0", root.Paths.Root), (items[0].Sha256, items[0].FileName, items[0].Version, items[0].Root));
        Assert.Equal(new[] { "etl (current)", "etl (kept 2)" }, items[0].UsedBy);
        Assert.Equal(new[] { "api (current)", "etl (current)" }, items[1].UsedBy);
        Assert.All(items, i => Assert.True(i.InUse));
    }

    [Fact]
    public void A_wheel_that_only_a_removed_generation_used_is_unused()
    {
        var alpha = Stored("alpha", "1.0");
        var beta = Stored("beta", "1.0");
        RecordGeneration(root.Paths.Root, "etl", 1, current: true, alpha);

        var unused = Assert.Single(Items(unusedOnly: true));

        Assert.Equal((beta.Sha256, false), (unused.Sha256, unused.InUse));
        Assert.Empty(unused.UsedBy);
    }

    [Fact]
    public void A_record_whose_generation_folder_is_gone_uses_nothing()
    {
        var alpha = Stored("alpha", "1.0");
        RecordGeneration(root.Paths.Root, "etl", 1, current: false, alpha);
        RecordGeneration(root.Paths.Root, "etl", 2, current: true);
        Directory.Delete(root.Paths.GenerationFolder("etl", 1));

        Assert.False(Assert.Single(Items()).InUse);
    }

    [Fact]
    public void An_item_counts_its_wheel_tree_and_compiled_modules()
    {
        var alpha = Stored("alpha", "1.0");
        var bytecode = Path.Combine(Store.Folder, "bytecode", alpha.Sha256, "cpython-312", "alpha", "__pycache__");
        Directory.CreateDirectory(bytecode);
        File.WriteAllBytes(Path.Combine(bytecode, "__init__.cpython-312.pyc"), new byte[1000]);

        var item = Assert.Single(Items());

        Assert.Equal(FilesOf(Store.Folder).Sum(f => new FileInfo(f).Length), item.SizeBytes);
        Assert.Equal(new[] { "cpython-312" }, item.CacheTags);
    }

    [Fact]
    public void The_sizes_of_a_listing_add_up_to_the_store_counting_each_inode_once()
    {
        var alpha = Stored("alpha", "1.0", new string('a', 5000));
        var beta = Stored("beta", "1.0", new string('b', 7000));
        // A file of one tree that is a hard link of another's (as a store that shares identical files would have it),
        // and a venv that links a tree file: neither adds bytes to the store.
        var shared = Path.Combine(Store.Folder, "trees", beta.Sha256, "beta", "same.py");
        File.SetUnixFileMode(Path.GetDirectoryName(shared)!, (UnixFileMode)0x1ED);
        Assert.Equal(0, Libc.Link(Path.Combine(Store.Folder, "trees", alpha.Sha256, "alpha", "__init__.py"), shared));
        Directory.CreateDirectory(root.Scratch("venv"));
        Assert.Equal(0, Libc.Link(Path.Combine(Store.Folder, "trees", beta.Sha256, "beta", "__init__.py"), Path.Combine(root.Scratch("venv"), "__init__.py")));

        var total = Items().Sum(i => i.SizeBytes);

        var distinct = FilesOf(Store.Folder).GroupBy(f => FileIdentity.Inode(f)).Sum(g => new FileInfo(g.First()).Length);
        Assert.Equal(distinct, total);
        Assert.True(total < FilesOf(Store.Folder).Sum(f => new FileInfo(f).Length));
    }

    [Fact]
    public void Prune_removes_an_unused_wheel_whole()
    {
        var alpha = Stored("alpha", "1.0");
        var kept = Stored("beta", "1.0");
        RecordGeneration(root.Paths.Root, "etl", 1, current: true, kept);
        var size = Items().Single(i => i.Sha256 == alpha.Sha256).SizeBytes;

        var removal = Remove(false, alpha.Sha256);

        Assert.Equal(alpha.Sha256, Assert.Single(removal.Removed).Sha256);
        Assert.Empty(removal.Refused);
        Assert.Equal(size, removal.RemovedBytes);
        Assert.Null(Store.Find(alpha.Sha256));
        Assert.False(Directory.Exists(Path.Combine(Store.Folder, "trees", alpha.Sha256)));
        Assert.NotNull(Store.Find(kept.Sha256));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Store.Folder, "tmp")));
    }

    [Fact]
    public void Prune_refuses_a_wheel_a_kept_generation_uses_naming_it()
    {
        var alpha = Stored("alpha", "1.0");
        RecordGeneration(root.Paths.Root, "etl", 2, current: false, alpha);
        RecordGeneration(root.Paths.Root, "etl", 3, current: true);

        var removal = Remove(false, alpha.Sha256);

        Assert.Empty(removal.Removed);
        var refused = Assert.Single(removal.Refused);
        Assert.Equal((ErrorIds.StoredWheelInUse.Id, alpha.Sha256), (refused.ErrorId, refused.Target));
        Assert.Contains("used by etl (kept 2)", refused.Message);
        Assert.NotNull(Store.Find(alpha.Sha256));
        Assert.True(Directory.Exists(Path.Combine(Store.Folder, "trees", alpha.Sha256)));
    }

    [Fact]
    public void Prune_refuses_a_wheel_the_store_does_not_hold()
    {
        var removal = Remove(false, new string('0', 64));

        Assert.Equal(ErrorIds.StoredWheelNotFound.Id, Assert.Single(removal.Refused).ErrorId);
    }

    [Fact]
    public void A_sweep_removes_old_staging_leftovers_and_trees_of_wheels_no_longer_stored()
    {
        var alpha = Stored("alpha", "1.0");
        var staging = Path.Combine(Store.Folder, "tmp");
        var old = Path.Combine(staging, "old");
        var young = Path.Combine(staging, "young");
        Directory.CreateDirectory(old);
        Directory.CreateDirectory(young);
        File.WriteAllBytes(Path.Combine(old, "half.whl"), new byte[300]);
        Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow - StorePrune.StagingAge - TimeSpan.FromMinutes(1));
        var orphan = Path.Combine(Store.Folder, "bytecode", new string('f', 64), "cpython-312");
        Directory.CreateDirectory(orphan);
        File.WriteAllBytes(Path.Combine(orphan, "x.pyc"), new byte[200]);

        var removal = Remove(true);

        Assert.Equal((1, 1, 500L), (removal.SweptStaging, removal.SweptOrphans, removal.RemovedBytes));
        Assert.Equal(new[] { young }, Directory.GetFileSystemEntries(staging));
        Assert.False(Directory.Exists(Path.Combine(Store.Folder, "bytecode", new string('f', 64))));
        Assert.NotNull(Store.Find(alpha.Sha256));
        Assert.True(Directory.Exists(Path.Combine(Store.Folder, "trees", alpha.Sha256)));
    }

    [Fact]
    public void A_sweep_removes_the_written_files_no_venv_links_and_keeps_the_linked_ones()
    {
        var unlinked = Store.Written("codeenv\n"u8.ToArray());
        var linked = Store.Written("alpha/__init__.py,,\n"u8.ToArray());
        var venv = Directory.CreateDirectory(Path.Combine(root.Paths.Root, "envs", "linker", "venvs", "1")).FullName;
        var venvFile = Path.Combine(venv, "RECORD");
        Assert.Equal(0, Libc.Link(linked, venvFile));

        var removal = Remove(true);

        Assert.Equal(1, removal.SweptOrphans);
        Assert.False(File.Exists(unlinked));
        Assert.True(File.Exists(linked));
    }

    [Fact]
    public void The_fixture_lays_a_wheel_out_as_the_store_does()
    {
        var wheel = new TestWheel("gamma", "1.0").With("gamma/__init__.py", "X = 1\n").Write(root.Scratch("dist"));

        var locked = StoreWheel(root.Paths.Root, wheel, "cpython-312");

        var found = Store.Find(locked.Sha256)!;
        Assert.Equal((found.Name, found.Version, found.FileName), (locked.Name, locked.Version, locked.FileName));
        Assert.Equal("gamma", Store.Tree(locked.Sha256).Name);
        Assert.Equal(new[] { "cpython-312" }, Assert.Single(Items()).CacheTags);
    }

    public void Dispose() => root.Dispose();

    private static IEnumerable<string> FilesOf(string folder) =>
        new[] { "artifacts", "trees", "bytecode" }.Select(f => Path.Combine(folder, f)).Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*", SearchOption.AllDirectories));
}
