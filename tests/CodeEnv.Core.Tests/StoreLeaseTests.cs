using System.Diagnostics;
using CodeEnv.Errors;
using CodeEnv.Store;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;
using static CodeEnv.TestSupport.StoreFixture;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The package store's lease: installs hold it shared from choosing their wheels until their generation is recorded,
/// a prune holds it alone while it decides and deletes, so a prune never removes a wheel an install has chosen.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class StoreLeaseTests : IDisposable
{
    private readonly TestRoot root = new(s => s.LockTimeoutSeconds = 30);

    private PackageStore Store => new(root.Paths);

    private static LockHolder Install(string env) => LockHolder.ThisProcess($"Update-CodeEnv {env}", "tester", DateTimeOffset.UtcNow);

    private Locked Stored(string name)
    {
        var stored = Store.Add(new TestWheel(name, "1.0").With($"{name}/__init__.py", "X = 1\n").Write(root.Scratch("dist")));
        Store.Tree(stored.Sha256);
        return new Locked(stored.Name, stored.Version, stored.FileName, stored.Sha256);
    }

    private Task<StoreRemoval> Prune(params string[] sha256s) =>
        Task.Run(() => root.Engine.Store.RemoveAsync(sha256s, false, null, CancellationToken.None));

    [Fact]
    public void Installs_hold_the_lease_side_by_side()
    {
        using var first = Store.Lease(Install("etl"), TimeSpan.Zero, CancellationToken.None);
        using var second = Store.Lease(Install("api"), TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(2, FileLease.Holders(Store.LeaseFile).Count);
    }

    [Fact]
    public async Task A_prune_waits_for_an_install_and_keeps_what_it_recorded()
    {
        var chosen = Stored("alpha");
        var lease = Store.Lease(Install("etl"), TimeSpan.Zero, CancellationToken.None);

        var prune = Prune(chosen.Sha256);
        Assert.NotSame(prune, await Task.WhenAny(prune, Task.Delay(500)));
        RecordGeneration(root.Paths.Root, "etl", 1, current: true, chosen);
        lease.Dispose();

        var removal = await prune;
        Assert.Empty(removal.Removed);
        Assert.Contains("used by etl (current)", Assert.Single(removal.Refused).Message);
        Assert.NotNull(Store.Find(chosen.Sha256));
    }

    [Fact]
    public void An_install_waits_while_a_prune_holds_the_lease_and_says_for_whom()
    {
        using var prune = Store.LeaseExclusively(LockHolder.ThisProcess("Remove-CodeEnvStoreItem", "admin", DateTimeOffset.UtcNow), TimeSpan.Zero, CancellationToken.None);
        var reporter = new RecordingReporter();
        var watch = Stopwatch.StartNew();

        var error = Assert.Throws<CodeEnvException>(() => Store.Lease(Install("etl"), TimeSpan.FromMilliseconds(300), CancellationToken.None, reporter));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300));
        Assert.Equal(ErrorKind.Busy, error.Kind);
        Assert.Contains("is busy: Remove-CodeEnvStoreItem by admin (pid", error.Message);
        Assert.Contains("in use by Remove-CodeEnvStoreItem by admin", Assert.Single(reporter.Verbose));
    }

    [Fact]
    public void A_prune_that_waits_longer_than_the_lock_timeout_deletes_nothing_and_names_the_install()
    {
        RootStore.Update(root.Paths, s => s.LockTimeoutSeconds = 0.3, TestRoot.Identity.Current(), SystemClock.Instance, TimeSpan.FromSeconds(5));
        var chosen = Stored("alpha");
        using var lease = Store.Lease(Install("etl"), TimeSpan.Zero, CancellationToken.None);

        var error = Assert.Throws<CodeEnvException>(() => Prune(chosen.Sha256).GetAwaiter().GetResult());

        Assert.Equal(ErrorIds.CodeEnvBusy.Id, error.ErrorId);
        Assert.Contains("Update-CodeEnv etl by tester", error.Message);
        Assert.NotNull(Store.Find(chosen.Sha256));
    }

    [Fact]
    public void The_lease_file_is_the_owners_alone()
    {
        Store.Lease(Install("etl"), TimeSpan.Zero, CancellationToken.None).Dispose();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Store.LeaseFile));
    }

    [Fact]
    public void A_released_lease_leaves_no_holder_behind()
    {
        Store.Lease(Install("etl"), TimeSpan.Zero, CancellationToken.None).Dispose();

        Assert.Empty(FileLease.Holders(Store.LeaseFile));
        // A process another test forks at that moment holds a copy of the descriptor until its exec closes it (the lease
        // is close-on-exec, not close-on-fork), so the exclusive lease is waited for briefly, not tried once.
        using var alone = FileLease.Acquire(Store.LeaseFile, LeaseMode.Exclusive, Install("x"), TimeSpan.FromSeconds(10), "the store", CancellationToken.None);
        Assert.Equal(LeaseMode.Exclusive, alone.Mode);
    }

    /// <summary>
    /// An install in another process: it takes the lease (flock LOCK_SH on the store's lease file, as Lease does),
    /// chooses a stored wheel by opening it, and writes its generation's record only when told; meanwhile a prune of
    /// that wheel runs. The prune waits for it, then sees the record and keeps the wheel.
    /// </summary>
    [Trait(TestLayers.Category, TestLayers.Process)]
    [Fact]
    public async Task A_prune_never_deletes_what_an_install_in_another_process_has_chosen()
    {
        var chosen = Stored("alpha");
        var other = Stored("beta");
        Store.Lease(Install("warm"), TimeSpan.Zero, CancellationToken.None).Dispose(); // the lease file exists, as after any install
        const string script = """
            import fcntl, json, os, sys
            lease, wheel, envs, sha = sys.argv[1:5]
            f = open(lease, 'rb')
            fcntl.flock(f, fcntl.LOCK_SH)
            chosen = open(wheel, 'rb')
            print('chosen', flush=True)
            sys.stdin.readline()
            venvs = os.path.join(envs, 'etl', 'venvs')
            os.makedirs(os.path.join(venvs, '1'))
            os.makedirs(os.path.join(venvs, '1.entry'))
            record = {'schemaVersion': 3, 'name': 'etl', 'revision': 1, 'packages': [{'name': 'alpha', 'version': '1.0', 'artifact': {'fileName': os.path.basename(wheel), 'url': 'file:///w', 'sha256': sha}}]}
            for path in (os.path.join(venvs, '1.installed.json'), os.path.join(envs, 'etl', 'installed.json')):
                with open(path, 'w') as out:
                    json.dump(record, out)
            os.symlink('venvs/1.entry', os.path.join(envs, 'etl', 'venv'))
            print('recorded', flush=True)
            """;
        var python = Interpreters.Require("3.11").Path;
        using var install = Process.Start(new ProcessStartInfo(python, new[] { "-c", script, Store.LeaseFile, Store.Find(chosen.Sha256)!.Path, root.Paths.EnvsFolder, chosen.Sha256 })
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        Assert.Equal("chosen", install.StandardOutput.ReadLine());

        var prune = Prune(chosen.Sha256, other.Sha256);
        Assert.NotSame(prune, await Task.WhenAny(prune, Task.Delay(1000)));
        Assert.NotNull(Store.Find(chosen.Sha256));
        Assert.NotNull(Store.Find(other.Sha256));

        install.StandardInput.WriteLine();
        Assert.Equal("recorded", install.StandardOutput.ReadLine());
        await install.WaitForExitAsync();
        var removal = await prune;

        Assert.Equal(other.Sha256, Assert.Single(removal.Removed).Sha256);
        Assert.Equal(chosen.Sha256, Assert.Single(removal.Refused).Target);
        Assert.NotNull(Store.Find(chosen.Sha256));
        Assert.True(Directory.Exists(Path.Combine(Store.Folder, "trees", chosen.Sha256)));
    }

    public void Dispose() => root.Dispose();
}
