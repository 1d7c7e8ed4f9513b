using System.Diagnostics;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Packages;
using CodeEnv.Security;
using CodeEnv.Store;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

[Trait(TestLayers.Category, TestLayers.Process)]
public class LifecycleTests
{
    [Theory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    public void Create_builds_a_real_venv_with_the_requested_python(string version)
    {
        using var root = new TestRoot();
        var env = root.Create("analytics", version, noInstall: false);

        Assert.Equal(EnvironmentState.Ready, env.State);
        Assert.StartsWith(version + ".", env.PythonVersion.ToString());
        var reported = Run(env.PythonPath, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.prefix)");
        Assert.Equal(env.PythonVersion.ToString(), reported[0]);
        Assert.Equal(Path.Combine(env.Path, "venvs", "1"), reported[1]);
        Assert.Contains("pip", string.Join("\n", Run(env.PythonPath, "-m", "pip", "--version")));
        Assert.Contains("version = " + env.PythonVersion, File.ReadAllText(VenvLayout.Config(env.VenvPath)).Replace("version_info", "version"));
    }

    [Fact]
    public void Create_installs_the_root_base_packages_from_the_wheelhouse()
    {
        using var root = new TestRoot(s =>
        {
            s.BasePackages.Add("codeenv-base-demo==1.0");
            s.PackageSources.NoIndex = true;
        });
        WheelBuilder.Write(root.Paths.Wheelhouse, "codeenv-base-demo", "1.0");

        var env = root.Create("with-base", "3.12", noInstall: false);

        Assert.Equal("1.0", Run(env.PythonPath, "-c", "import codeenv_base_demo; print(codeenv_base_demo.__version__)")[0]);
        var log = Directory.GetFiles(root.Paths.LogsFolder("with-base"), "*-create.log").Single();
        Assert.Contains("codeenv-base-demo", File.ReadAllText(log));
    }

    [Fact]
    public void A_failed_creation_removes_everything_and_frees_the_name()
    {
        using var root = new TestRoot(s =>
        {
            s.BasePackages.Add("does-not-exist-anywhere");
            s.PackageSources.NoIndex = true;
        });
        var error = Assert.Throws<CodeEnvException>(() => root.Create("doomed", "3.11", noInstall: false));
        Assert.Equal(ErrorKind.OperationFailed, error.Kind);
        Assert.Contains("does-not-exist-anywhere", error.Message);

        Assert.False(Directory.Exists(root.Paths.EnvFolder("doomed")));
        Assert.False(File.Exists(root.Paths.NameClaimFile("doomed")));
        Assert.Empty(root.Engine.Environments.NamesAsync(default).Awaited());
        Assert.Equal(EnvironmentState.Outdated, root.Create("doomed").State);
    }

    [Fact]
    public void A_name_that_differs_only_in_case_is_refused()
    {
        using var root = new TestRoot();
        root.Create("Sales");
        var error = Assert.Throws<CodeEnvException>(() => root.Create("sales"));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Equal("CodeEnvExists", error.ErrorId);
        Assert.Contains("'Sales'", error.Message);
    }

    [Fact]
    public void Concurrent_creators_of_one_name_in_two_cases_end_with_exactly_one_env()
    {
        using var root = new TestRoot();
        var names = Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? "Sales" : "sales").ToList();
        var outcomes = names.AsParallel().WithDegreeOfParallelism(8).Select(name =>
        {
            try
            {
                new CodeEnvEngine(root.Paths.Root, TestRoot.Identity, SystemClock.Instance).Lifecycle
                    .CreateAsync(new NewEnvironmentRequest { Name = name, PythonVersion = "3.11", NoInstall = true }, null, CancellationToken.None)
                    .GetAwaiter().GetResult();
                return "created";
            }
            catch (CodeEnvException e)
            {
                return e.ErrorId;
            }
        }).ToList();

        Assert.Equal(1, outcomes.Count(o => o == "created"));
        Assert.All(outcomes.Where(o => o != "created"), o => Assert.Equal("CodeEnvExists", o));
        Assert.Single(root.Engine.Environments.NamesAsync(default).Awaited());
    }

    [Fact]
    public void Get_finds_an_env_by_any_letter_case()
    {
        using var root = new TestRoot();
        root.Create("Forecast");
        Assert.Equal("Forecast", root.Engine.Environments.GetAsync("FORECAST", default).Awaited().Name);
    }

    [Fact]
    public void Get_of_a_missing_env_is_not_found()
    {
        using var root = new TestRoot();
        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Environments.GetAsync("nothing", default).Awaited());
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("CodeEnvNotFound", error.ErrorId);
    }

    [Fact]
    public void A_newly_created_env_records_who_and_when_and_starts_at_revision_one()
    {
        using var root = new TestRoot();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var env = root.Create("audit");
        Assert.Equal(1, env.Revision);
        Assert.Equal(System.Environment.UserName, env.CreatedBy);
        Assert.Equal(System.Environment.UserName, env.Owner);
        Assert.True(env.CreatedAt >= before);
        Assert.True(env.UsableByAll);
        Assert.True(File.Exists(root.Paths.HistoryFile("audit", 1)));
    }

    [Fact]
    public void Change_bumps_the_revision_and_keeps_every_definition_in_history()
    {
        using var root = new TestRoot();
        root.Create("hist");
        var changed = root.Engine.Lifecycle.SetAsync("hist", new EnvironmentSettingsChange { Description = "new text" }, null, CancellationToken.None).Awaited();

        Assert.Equal(2, changed.Revision);
        var first = JObject.Parse(File.ReadAllText(root.Paths.HistoryFile("hist", 1)));
        var second = JObject.Parse(File.ReadAllText(root.Paths.HistoryFile("hist", 2)));
        Assert.Equal("", first["definition"]!.Value<string>("description"));
        Assert.Equal("Set-CodeEnv", second.Value<string>("operation"));
        var change = Assert.Single(second["changes"]!);
        Assert.Equal("description", change.Value<string>("field"));
        Assert.Equal("new text", change.Value<string>("after"));
    }

    [Fact]
    public void A_change_that_changes_nothing_makes_no_revision()
    {
        using var root = new TestRoot();
        root.Create("same");
        var env = root.Engine.Lifecycle.SetAsync("same", new EnvironmentSettingsChange { Description = "" }, null, CancellationToken.None).Awaited();
        Assert.Equal(1, env.Revision);
        Assert.False(File.Exists(root.Paths.HistoryFile("same", 2)));
    }

    [Fact]
    public void A_change_waits_for_the_lock_and_then_reports_the_env_busy()
    {
        using var root = new TestRoot(s => s.LockTimeoutSeconds = 0.3);
        root.Create("locked");
        using var held = FileLock.Acquire(root.Paths.EnvLockFile("locked"), new LockHolder { Operation = "Update-CodeEnv", User = "bob", ProcessId = 42, Host = "h1" }, TimeSpan.Zero, "x", CancellationToken.None);
        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Lifecycle.SetAsync("locked", new EnvironmentSettingsChange { Description = "x" }, null, CancellationToken.None).Awaited());
        Assert.Equal(ErrorKind.Busy, error.Kind);
        Assert.Contains("Update-CodeEnv by bob (pid 42 on h1)", error.Message);
        Assert.Equal(1, root.Engine.Environments.GetAsync("locked", default).Awaited().Revision);
    }

    [Fact]
    public void A_write_based_on_a_stale_revision_is_refused()
    {
        using var root = new TestRoot();
        root.Create("stale");
        var store = new EnvironmentStore(root.Paths);
        var old = store.Read("stale");
        root.Engine.Lifecycle.SetAsync("stale", new EnvironmentSettingsChange { Description = "first" }, null, CancellationToken.None).Awaited();
        var stale = old.Clone();
        stale.Description = "second";
        var error = Assert.Throws<CodeEnvException>(() => store.Definitions("stale").Save(old, stale, "Set-CodeEnv", "someone", DateTimeOffset.UtcNow));
        Assert.Equal("CodeEnvRevisionConflict", error.ErrorId);
        Assert.Equal("first", root.Engine.Environments.GetAsync("stale", default).Awaited().Description);
    }

    [Fact]
    public void A_transient_state_with_no_live_holder_is_reported_as_interrupted()
    {
        using var root = new TestRoot();
        root.Create("cut");
        var store = new EnvironmentStore(root.Paths);
        store.WriteStatus("cut", new EnvironmentStatus { State = EnvironmentState.Updating, Revision = 1 });
        Assert.Equal(EnvironmentState.Interrupted, root.Engine.Environments.GetAsync("cut", default).Awaited().State);
    }

    [Theory]
    [InlineData(EnvironmentState.Ready, false, false)]
    [InlineData(EnvironmentState.Outdated, false, true)]
    [InlineData(EnvironmentState.Failed, false, true)]
    [InlineData(EnvironmentState.Updating, false, true)]
    [InlineData(EnvironmentState.Updating, true, false)]
    [InlineData(EnvironmentState.Creating, true, false)]
    [InlineData(EnvironmentState.Removing, true, false)]
    public void An_env_needs_an_update_when_it_is_Outdated_Failed_or_Interrupted(EnvironmentState stored, bool operationRunning, bool needsUpdate)
    {
        using var root = new TestRoot();
        root.Create("job");
        new EnvironmentStore(root.Paths).WriteStatus("job", new EnvironmentStatus { State = stored, Revision = 1 });
        using var running = operationRunning
            ? FileLock.Acquire(root.Paths.EnvLockFile("job"), new LockHolder { Operation = "Update-CodeEnv", User = "someone", ProcessId = 42, Host = "h1" }, TimeSpan.Zero, "x", CancellationToken.None)
            : null;

        Assert.Equal(needsUpdate, root.Engine.Environments.GetAsync("job", default).Awaited().NeedsUpdate);
    }

    [Fact]
    public async Task A_creation_killed_half_way_is_cleaned_up_by_the_next_creator()
    {
        using var root = new TestRoot();
        // What a killed New-CodeEnv leaves: a claim and a folder with env.json and status.json Creating, and no lock holder.
        Directory.CreateDirectory(root.Paths.EnvFolder("Half"));
        var store = new EnvironmentStore(root.Paths);
        store.TryClaim(new NameClaim { Name = "Half", ClaimedBy = "ghost", ProcessId = 4242, Host = "h" });
        store.WriteStatus("Half", new EnvironmentStatus { State = EnvironmentState.Creating, Revision = 1 });
        File.WriteAllText(root.Paths.EnvFile("Half"), "{\"schemaVersion\":2,\"name\":\"Half\",\"revision\":1}");
        var reporter = new RecordingReporter();

        var env = await root.Engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = "half", PythonVersion = "3.11", NoInstall = true }, reporter, CancellationToken.None);

        Assert.Equal("half", env.Name);
        Assert.Contains(reporter.Warnings, w => w.Contains("interrupted creation of 'Half' by ghost"));
        Assert.Equal(new[] { "half" }, root.Engine.Environments.NamesAsync(default).Awaited());
    }

    [Fact]
    public void Remove_deletes_the_env_and_frees_its_name()
    {
        using var root = new TestRoot();
        var env = root.Create("gone", "3.12", noInstall: false);
        root.Engine.Lifecycle.RemoveAsync("GONE", false, null, CancellationToken.None).Awaited();

        Assert.False(Directory.Exists(env.Path));
        Assert.Empty(Directory.GetFileSystemEntries(root.Paths.TrashFolder));
        Assert.False(File.Exists(root.Paths.NameClaimFile("gone")));
        Assert.Empty(root.Engine.Environments.NamesAsync(default).Awaited());
        root.Create("Gone");
    }

    [Fact]
    public void Remove_of_a_missing_env_is_not_found()
    {
        using var root = new TestRoot();
        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Lifecycle.RemoveAsync("ghost", false, null, CancellationToken.None).Awaited());
        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void A_removal_that_cannot_move_the_folder_leaves_the_env_listed_and_unchanged()
    {
        using var root = new TestRoot();
        root.Create("stuck");
        // The trash folder replaced by a file makes the one-step move fail, as a file in use does on Windows.
        Directory.Delete(root.Paths.TrashFolder);
        File.WriteAllText(root.Paths.TrashFolder, "");
        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Lifecycle.RemoveAsync("stuck", false, null, CancellationToken.None).Awaited());
        Assert.Equal("CodeEnvRemoveFailed", error.ErrorId);
        var env = root.Engine.Environments.GetAsync("stuck", default).Awaited();
        Assert.Equal(EnvironmentState.Outdated, env.State);
        Assert.True(File.Exists(root.Paths.NameClaimFile("stuck")));
    }

    [Fact]
    public void An_interpreter_path_that_is_not_python_is_an_invalid_argument()
    {
        using var root = new TestRoot();
        var error = Assert.Throws<CodeEnvException>(() => root.Create("nopy", interpreter: "/bin/ls"));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("InterpreterNotPython", error.ErrorId);
        Assert.Empty(root.Engine.Environments.NamesAsync(default).Awaited());
    }

    [Fact]
    public void An_interpreter_path_that_does_not_exist_is_not_found()
    {
        using var root = new TestRoot();
        var error = Assert.Throws<CodeEnvException>(() => root.Create("nopy", interpreter: "/nowhere/python3"));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("InterpreterNotFound", error.ErrorId);
    }

    [Fact]
    public void Python_2_is_refused_with_the_reason()
    {
        using var root = new TestRoot();
        var python2 = Interpreters.All.First(i => i.Version.Major == 2);
        var error = Assert.Throws<CodeEnvException>(() => root.Create("old", interpreter: python2.Path));
        Assert.Equal("InterpreterCannotCreateVenv", error.ErrorId);
        Assert.Contains("Python 2 has no venv", error.Message);
    }

    private static string[] Run(string executable, params string[] args)
    {
        var start = new ProcessStartInfo(executable, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{executable} {string.Join(" ", args)} failed: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
    }

    [Fact]
    public async Task Every_stamp_comes_from_the_clock_the_engine_is_given()
    {
        using var root = new TestRoot();
        var clock = new FixedClock();
        var engine = new CodeEnvEngine(root.Paths.Root, TestRoot.Identity, clock);

        var env = await engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = "stamped", PythonVersion = "3.11", NoInstall = true }, null, CancellationToken.None);
        var changed = engine.Lifecycle.SetAsync("stamped", new EnvironmentSettingsChange { Description = "later" }, null, CancellationToken.None).Awaited();

        Assert.Equal(clock.UtcNow, env.CreatedAt);
        Assert.Equal(clock.UtcNow, changed.UpdatedAt);
        Assert.All(engine.History.GetAsync("stamped", default).Awaited(), h => Assert.Equal(clock.UtcNow, h.ChangedAt));
    }

    private sealed class FixedClock : IClock
    {
        public DateTimeOffset UtcNow { get; } = new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero);
    }
}
