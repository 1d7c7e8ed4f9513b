using CodeEnv.Store;
using CodeEnv.TestSupport;
using CodeEnv.Usage;

namespace CodeEnv.Core.Tests;

/// <summary>The recorded usages on disk: bounded by users, atomic, cheap to repeat, and read leniently.</summary>
public class UsageRecordsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_thousand_starts_by_two_users_leave_two_records()
    {
        using var folder = new TempFolder();
        var paths = new RootPaths(folder.Path);
        Directory.CreateDirectory(paths.EnvFolder("churn"));

        for (var i = 0; i < 1000; i++)
        {
            UsageRecords.Record(paths, "churn", UsageKind.Python, i % 2 == 0 ? "alice" : "bob", null, Now);
        }

        Assert.Equal(new[] { "python.alice.json", "python.bob.json" }, Directory.GetFiles(paths.UsagesFolder("churn")).Select(Path.GetFileName).OrderBy(f => f));
        Assert.Equal(new[] { "alice", "bob" }, UsageRecords.Read(paths, "churn").Select(r => r.User));
    }

    [Fact]
    public void A_start_within_a_minute_of_the_recorded_one_writes_nothing_and_a_later_one_replaces_it()
    {
        using var folder = new TempFolder();
        var paths = new RootPaths(folder.Path);
        Directory.CreateDirectory(paths.EnvFolder("churn"));
        UsageRecords.Record(paths, "churn", UsageKind.Python, "alice", null, Now);
        var file = Path.Combine(paths.UsagesFolder("churn"), "python.alice.json");

        UsageRecords.Record(paths, "churn", UsageKind.Python, "alice", null, Now.AddSeconds(30));
        Assert.Equal(Now, Assert.Single(UsageRecords.Read(paths, "churn")).LastUsed);

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(-2));
        UsageRecords.Record(paths, "churn", UsageKind.Python, "alice", null, Now.AddDays(3));
        Assert.Equal(Now.AddDays(3), Assert.Single(UsageRecords.Read(paths, "churn")).LastUsed);
    }

    [Fact]
    public void Container_runs_are_kept_per_config_in_any_letter_case_and_names_cannot_leave_the_folder()
    {
        Assert.Equal("container.slim312.alice.json", UsageRecords.FileName(UsageKind.Container, "alice", "Slim312"));
        Assert.Equal("python.%2E%2E%2Fetc%2Fx.json", UsageRecords.FileName(UsageKind.Python, "../etc/x", null));
        Assert.Equal("python.DOMAIN%5Cbob.json", UsageRecords.FileName(UsageKind.Python, @"DOMAIN\bob", null));
    }

    [Fact]
    public void A_torn_or_leftover_file_beside_the_records_is_skipped_and_the_others_read()
    {
        using var folder = new TempFolder();
        var paths = new RootPaths(folder.Path);
        Directory.CreateDirectory(paths.EnvFolder("churn"));
        UsageRecords.Record(paths, "churn", UsageKind.Python, "alice", null, Now);
        File.WriteAllText(Path.Combine(paths.UsagesFolder("churn"), "python.bob.json"), "{\"schemaVersion\":1,\"kind\":\"Pyth");
        File.WriteAllText(Path.Combine(paths.UsagesFolder("churn"), ".python.carol.json.0123.tmp"), "");

        Assert.Equal("alice", Assert.Single(UsageRecords.Read(paths, "churn")).User);
    }

    [Fact]
    public void A_folder_the_caller_cannot_write_leaves_the_start_unrecorded_without_an_error()
    {
        using var folder = new TempFolder();
        var paths = new RootPaths(folder.Path);
        Directory.CreateDirectory(paths.EnvFolder("churn"));
        // A file where the folder belongs fails the write as a read-only env folder does, even for root.
        File.WriteAllText(paths.UsagesFolder("churn"), "");

        UsageRecords.Record(paths, "churn", UsageKind.Python, "alice", null, Now);

        Assert.True(File.Exists(paths.UsagesFolder("churn")));
    }

    [Fact]
    public void An_env_is_idle_since_its_latest_recorded_use_or_its_LastUsed_whichever_is_newer()
    {
        var records = new[] { new UsageRecord { User = "alice", LastUsed = Now.AddDays(-10) }, new UsageRecord { User = "bob", LastUsed = Now.AddDays(-2) } };

        Assert.Equal((Now.AddDays(-2), "bob"), IdleTime.Of(Now.AddDays(-40), records));
        Assert.Equal((Now.AddDays(-1), (string?)"bob"), IdleTime.Of(Now.AddDays(-1), records));
        Assert.Equal((Now.AddDays(-40), (string?)null), IdleTime.Of(Now.AddDays(-40), Array.Empty<UsageRecord>()));
        Assert.True(IdleTime.IsUnused(Now.AddDays(-30), Now, 30));
        Assert.False(IdleTime.IsUnused(Now.AddDays(-29.5), Now, 30));
        Assert.Equal(29, IdleTime.Days(Now.AddDays(-29.5), Now));
    }
}
