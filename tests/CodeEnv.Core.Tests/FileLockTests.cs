using System.Diagnostics;
using CodeEnv.Errors;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

public class FileLockTests
{
    private static LockHolder Holder(string operation) => new()
    {
        Operation = operation, User = "tester", ProcessId = System.Environment.ProcessId, Host = "here", Since = DateTimeOffset.UtcNow,
    };

    [Fact]
    public void A_second_taker_waits_the_bounded_time_then_reports_busy_naming_the_holder()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("env.lock");
        using var first = FileLock.Acquire(path, Holder("Update-CodeEnv"), TimeSpan.Zero, "The env 'a'", CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<CodeEnvException>(() => FileLock.Acquire(path, Holder("Set-CodeEnv"), TimeSpan.FromMilliseconds(300), "The env 'a'", CancellationToken.None));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300));
        Assert.Equal(ErrorKind.Busy, error.Kind);
        Assert.Contains("The env 'a' is busy: Update-CodeEnv by tester (pid", error.Message);
    }

    [Fact]
    public void A_waiter_tells_its_reporter_whom_it_waits_for_once()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("root.lock");
        using var first = FileLock.Acquire(path, LockHolder.ThisProcess("Set-CodeEnvRoot", "tester", DateTimeOffset.UtcNow), TimeSpan.Zero, "The root 'r'", CancellationToken.None);
        var reporter = new RecordingReporter();

        Assert.Throws<CodeEnvException>(() => FileLock.Acquire(path, Holder("New-CodeEnv"), TimeSpan.FromMilliseconds(300), "The root 'r'", CancellationToken.None, reporter));

        var told = Assert.Single(reporter.Verbose);
        Assert.StartsWith($"The root 'r' is locked by Set-CodeEnvRoot by tester (pid {System.Environment.ProcessId} on {Platform.HostName})", told);
    }

    [Fact]
    public void A_released_lock_can_be_taken_again()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("env.lock");
        FileLock.Acquire(path, Holder("one"), TimeSpan.Zero, "x", CancellationToken.None).Dispose();
        using var again = FileLock.TryAcquire(path, Holder("two"));
        Assert.NotNull(again);
        Assert.Null(again!.InterruptedHolder);
    }

    [Trait(TestLayers.Category, TestLayers.Process)]
    [Fact]
    public void The_lock_of_a_killed_process_is_free_and_its_holder_is_reported_as_interrupted()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("env.lock");
        File.WriteAllText(path + ".holder.json", Newtonsoft.Json.JsonConvert.SerializeObject(new { schemaVersion = 1, operation = "Update-CodeEnv", user = "ghost", processId = 99999, host = "h", since = DateTimeOffset.UtcNow }));

        // A real other process takes the same OS lock (flock, as .NET does on Unix) and is then killed.
        var python = Interpreters.Require("3.11").Path;
        using var holder = Process.Start(new ProcessStartInfo(python, new[] { "-c", $"import fcntl,sys,time; f=open(r'{path}','a'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); time.sleep(60)" }) { RedirectStandardOutput = true })!;
        Assert.Equal("locked", holder.StandardOutput.ReadLine());
        Assert.True(FileLock.IsHeld(path));
        Assert.Null(FileLock.TryAcquire(path, Holder("waiting")));

        holder.Kill();
        holder.WaitForExit();

        Assert.False(FileLock.IsHeld(path));
        using var taken = FileLock.Acquire(path, Holder("after"), TimeSpan.FromSeconds(2), "x", CancellationToken.None);
        Assert.Equal("ghost", taken.InterruptedHolder!.User);
    }

    [Fact]
    public void Waiting_ends_when_the_operation_is_cancelled()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("env.lock");
        using var first = FileLock.Acquire(path, Holder("one"), TimeSpan.Zero, "x", CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var error = Assert.Throws<CodeEnvException>(() => FileLock.Acquire(path, Holder("two"), TimeSpan.FromMinutes(5), "x", cancel.Token));
        Assert.Equal(ErrorKind.Stopped, error.Kind);
    }
}
