using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Store;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A root written by the CodeEnv before the definition changed shape (tests/fixtures/root-schema1, made by that
/// build; see its README) is read and migrated by today's code with nothing lost.
/// </summary>
public sealed class MigrationTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Repo, "tests", "fixtures", "root-schema1");

    private readonly TempFolder folder = new();
    private readonly string root;

    public MigrationTests()
    {
        root = folder.Combine("root");
        FolderCopy.Copy(Fixture, root);
    }

    public void Dispose() => folder.Dispose();

    private CodeEnvEngine Engine() => new(root, TestRoot.Identity, SystemClock.Instance);

    private JObject Json(params string[] path) => JObject.Parse(File.ReadAllText(Path.Combine(new[] { root }.Concat(path).ToArray())));

    [Fact]
    public void Every_field_of_every_env_is_read_as_it_was_written()
    {
        var engine = Engine();
        Assert.Equal(new[] { "failed-env", "outdated-env", "ready-env" }, engine.Environments.NamesAsync(default).Awaited());

        var ready = engine.Environments.GetAsync("ready-env", default).Awaited();
        Assert.Equal("3.11.7", ready.PythonVersion.ToString());
        Assert.EndsWith("/bin/python3.11", ready.Interpreter);
        Assert.Equal("Ready, with grants", ready.Description);
        Assert.Equal("root", ready.Owner);
        Assert.False(ready.UsableByAll);
        Assert.Equal(new[] { "data-team: UpdatePackages", "viewers: Use" }, ready.GroupPermissions.Select(g => g.ToString()));
        Assert.Equal(new[] { "table-kit==1.2.0" }, ready.RequestedPackages);
        Assert.Equal(ContainerSelectionMode.Selected, ready.ContainerSelection);
        Assert.Equal(new[] { "py311" }, ready.ContainerConfig);
        Assert.Equal(4, ready.Revision);
        Assert.Equal(EnvironmentState.Ready, ready.State);
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T17:47:20.5692791+00:00"), ready.CreatedAt);

        var outdated = engine.Environments.GetAsync("outdated-env", default).Awaited();
        Assert.True(outdated.JupyterSupport);
        Assert.Equal(ContainerSelectionMode.All, outdated.ContainerSelection);
        Assert.Equal(EnvironmentState.Outdated, outdated.State);
        Assert.Equal(new[] { "table-kit>=1.0" }, outdated.RequestedPackages);

        var failed = engine.Environments.GetAsync("failed-env", default).Awaited();
        Assert.Equal(EnvironmentState.Failed, failed.State);
        Assert.Contains("No matching distribution found for no-such-package==9.9", failed.StateDetail);
    }

    [Fact]
    public void Every_history_entry_and_permission_is_kept()
    {
        var engine = Engine();
        Assert.Equal(new[] { 4, 3, 2, 1 }, engine.History.GetAsync("ready-env", default).Awaited().Select(h => h.Revision));
        Assert.Equal(new[] { "New-CodeEnv", "Grant-CodeEnvPermission", "Grant-CodeEnvPermission", "Set-CodeEnv" }, engine.History.GetAsync("ready-env", default).Awaited().Select(h => h.Operation).Reverse());
        Assert.Equal(new[] { 5, 4, 3, 2, 1 }, engine.History.GetRootAsync(default).Awaited().Select(h => h.Revision));
        var permissions = engine.Permissions.GetAsync("ready-env", default).Awaited().Select(p => $"{p.Principal}:{p.Use}{p.UpdatePackages}{p.ManageUsers}");
        Assert.Equal(new[] { "root:TrueTrueTrue", "data-team:TrueTrueFalse", "viewers:TrueFalseFalse" }, permissions);
        Assert.Equal(new[] { "py311", "py312" }, engine.Root.SettingsAsync(default).Awaited().ContainerConfigs);
        Assert.True(engine.Root.SettingsAsync(default).Awaited().NoIndex);
        Assert.Equal(120, engine.Root.SettingsAsync(default).Awaited().LockTimeoutSeconds);
        Assert.Contains(engine.Packages.GetAsync("ready-env", default).Awaited(), p => p.Line == "table-kit==1.2.0");
    }

    [Fact]
    public void The_files_are_rewritten_at_the_current_schema_with_the_state_beside_the_definition()
    {
        Engine().Root.SettingsAsync(default).Awaited();

        Assert.Equal(DocumentSchemas.Settings.Current, Json("codeenv.json").Value<int>("schemaVersion"));
        var env = Json("envs", "failed-env", "env.json");
        Assert.Equal(DocumentSchemas.Definition.Current, env.Value<int>("schemaVersion"));
        Assert.Null(env["state"]);
        Assert.Null(env["stateDetail"]);
        var status = Json("envs", "failed-env", "status.json");
        Assert.Equal("Failed", status.Value<string>("state"));
        Assert.Contains("no-such-package==9.9", status.Value<string>("detail"));
        var history = Json("envs", "ready-env", "history", "2.json");
        Assert.Equal(DocumentSchemas.DefinitionHistory.Current, history.Value<int>("schemaVersion"));
        Assert.Null(history["definition"]!["state"]);
        Assert.NotNull(Json("history", "3.json")["definition"]);
        Assert.Null(Json("history", "3.json")["settings"]);
    }

    [Fact]
    public void A_migrated_root_is_not_migrated_again()
    {
        Engine().Root.SettingsAsync(default).Awaited();
        var written = File.GetLastWriteTimeUtc(Path.Combine(root, "envs", "ready-env", "env.json"));
        Thread.Sleep(20);
        Engine().Environments.GetAsync("ready-env", default).Awaited();
        Assert.False(RootMigration.IsNeeded(new RootPaths(root)));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(root, "envs", "ready-env", "env.json")));
    }

    [Fact]
    public void A_migration_stopped_half_way_is_finished_by_the_next_run()
    {
        // As if killed after the first env: its files are at the current schema, codeenv.json is not yet.
        var paths = new RootPaths(root);
        var env = Json("envs", "failed-env", "env.json");
        File.WriteAllText(paths.StatusFile("failed-env"), new JObject { ["schemaVersion"] = 1, ["state"] = "Failed", ["detail"] = env["stateDetail"], ["revision"] = 2 }.ToString());
        DocumentSchemas.Definition.Upgrade(env, 1);
        File.WriteAllText(paths.EnvFile("failed-env"), env.ToString());

        var engine = Engine();
        Assert.Equal(EnvironmentState.Failed, engine.Environments.GetAsync("failed-env", default).Awaited().State);
        Assert.Equal(EnvironmentState.Ready, engine.Environments.GetAsync("ready-env", default).Awaited().State);
        Assert.False(RootMigration.IsNeeded(paths));
    }

    [Fact]
    public void A_migrated_env_changes_and_updates_its_state_as_any_other()
    {
        var engine = Engine();
        var changed = engine.Packages.AddPackagesAsync("ready-env", new[] { "table-kit>=1.0" }, null, CancellationToken.None).Awaited();
        Assert.Equal(5, changed.Revision);
        Assert.Equal(EnvironmentState.Outdated, changed.State);
        Assert.Equal(5, engine.History.GetAsync("ready-env", default).Awaited().Count);
    }

    [Fact]
    public void A_root_newer_than_this_code_is_refused_and_left_as_it_is()
    {
        var settings = Path.Combine(root, "codeenv.json");
        var newer = Json("codeenv.json");
        newer["schemaVersion"] = 99;
        File.WriteAllText(settings, newer.ToString());

        var error = Assert.Throws<CodeEnvException>(() => Engine().Root.SettingsAsync(default).Awaited());
        Assert.Equal("RootSettingsFileSchemaTooNew", error.ErrorId);
        Assert.Contains("update the CodeEnv module", error.Message);
        Assert.Equal(newer.ToString(), File.ReadAllText(settings));
    }

    [Fact]
    public void An_env_newer_than_this_code_is_refused_by_name()
    {
        Engine().Root.SettingsAsync(default).Awaited();
        var file = Path.Combine(root, "envs", "ready-env", "env.json");
        var newer = Json("envs", "ready-env", "env.json");
        newer["schemaVersion"] = 99;
        File.WriteAllText(file, newer.ToString());

        var error = Assert.Throws<CodeEnvException>(() => Engine().Environments.GetAsync("ready-env", default).Awaited());
        Assert.Equal("EnvironmentFileSchemaTooNew", error.ErrorId);
    }
}
