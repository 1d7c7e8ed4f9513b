using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// Lock-CodeEnv and Unlock-CodeEnv on the engine: a frozen env refuses every change of what it is, keeps taking changes of
/// who may use it, and restores and rebuilds only its frozen revision, exactly. Real venvs from stand-in wheels, offline.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class FreezeTests : IClassFixture<WheelRoot>
{
    private readonly WheelRoot shared;

    public FreezeTests(WheelRoot shared) => this.shared = shared;

    private sealed class As : IIdentityProvider
    {
        private readonly CallerIdentity identity;

        public As(string user) => identity = new CallerIdentity(user, Array.Empty<string>());

        public CallerIdentity Current() => identity;
    }

    private static EnvironmentInfo CreateWith(TestRoot root, string name, params string[] lines) =>
        root.Engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = name, PythonVersion = "3.12", Requirements = lines }, null, CancellationToken.None).Awaited();

    private static string VersionOf(TestRoot root, string env, string package) =>
        root.Engine.Environments.InstalledPackagesAsync(env, default).Awaited().Single(p => p.Name == package).Version;

    [Fact]
    public void A_frozen_env_refuses_a_package_change_naming_who_froze_it_when_why_and_how_to_unfreeze()
    {
        var root = shared.Root;
        CreateWith(root, "audited", "demo");
        var frozen = root.Engine.History.LockAsync("audited", null, "Validated for the Q3 audit", null, default).Awaited();

        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Packages.SetPackagesAsync("audited", new[] { "demo", "stray" }, false, null, default).Awaited());

        Assert.Equal("EnvironmentFrozen", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
        Assert.Contains($"frozen at revision 1 by {TestRoot.Identity.Current().UserName}", error.Message);
        Assert.Contains("Validated for the Q3 audit", error.Message);
        Assert.Contains(frozen.FrozenAt!.Value.ToString("u"), error.Message);
        Assert.Contains("Unlock-CodeEnv -Name audited", error.Message);
        Assert.Equal((1, true, "Validated for the Q3 audit"), (frozen.FrozenRevision, frozen.Frozen, frozen.FrozenReason));
        Assert.Equal(new[] { "demo" }, root.Engine.Environments.GetAsync("audited", default).Awaited().RequestedPackages);
    }

    [Fact]
    public void A_frozen_env_still_takes_a_change_of_who_may_use_it_but_not_of_its_settings()
    {
        var root = shared.Root;
        CreateWith(root, "shared");
        root.Engine.History.LockAsync("shared", null, null, null, default).Awaited();

        var changed = root.Engine.Lifecycle.SetAsync("shared", new EnvironmentSettingsChange { UsableByAll = false }, null, default).Awaited();
        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Lifecycle.SetAsync("shared", new EnvironmentSettingsChange { Description = "moved on" }, null, default).Awaited());

        Assert.False(changed.UsableByAll);
        Assert.Equal("EnvironmentFrozen", error.ErrorId);
        Assert.Contains("description", error.Message);
    }

    [Fact]
    public void Update_of_a_frozen_env_refuses_an_upgrade_and_removal_and_does_nothing_while_its_venv_holds_the_lock()
    {
        var root = shared.Root;
        CreateWith(root, "steady", "demo");
        root.Engine.History.LockAsync("steady", null, null, null, default).Awaited();
        var reporter = new RecordingReporter();

        var upgrade = Assert.Throws<CodeEnvException>(() => root.Engine.Lifecycle.UpdateAsync("steady", new UpdateOptions { Upgrade = true }, null, default).Awaited());
        var removal = Assert.Throws<CodeEnvException>(() => root.Engine.Lifecycle.RemoveAsync("steady", false, null, default).Awaited());
        var plain = root.Engine.Lifecycle.UpdateAsync("steady", new UpdateOptions(), reporter, default).Awaited();

        Assert.Equal(("EnvironmentFrozen", "EnvironmentFrozen"), (upgrade.ErrorId, removal.ErrorId));
        Assert.Contains("-Upgrade", upgrade.Message);
        Assert.Equal(EnvironmentState.Ready, plain.State);
        Assert.Contains(reporter.Verbose, l => l.Contains("frozen at revision 1 and its venv holds that set"));
        Assert.True(Directory.Exists(root.Paths.EnvFolder("steady")));
    }

    [Fact]
    public void A_rebuild_of_a_frozen_env_installs_exactly_its_lock_though_a_newer_version_was_published_and_unfreezing_lets_it_upgrade()
    {
        var root = shared.Root;
        var links = shared.Links;
        WheelBuilder.Write(links, "pinme", "1.0");
        CreateWith(root, "pinned", "pinme>=1.0");
        root.Engine.History.LockAsync("pinned", null, null, null, default).Awaited();
        WheelBuilder.Write(links, "pinme", "2.0");

        var rebuilt = root.Engine.Lifecycle.UpdateAsync("pinned", new UpdateOptions { Rebuild = true }, null, default).Awaited();
        var rebuiltVersion = VersionOf(root, "pinned", "pinme");
        root.Engine.History.UnlockAsync("pinned", null, default).Awaited();
        root.Engine.Lifecycle.UpdateAsync("pinned", new UpdateOptions { Upgrade = true }, null, default).Awaited();

        Assert.Equal(EnvironmentState.Ready, rebuilt.State);
        Assert.Equal("1.0", rebuiltVersion);
        Assert.Equal("2.0", VersionOf(root, "pinned", "pinme"));
    }

    [Fact]
    public void Freezing_an_earlier_revision_brings_it_back_and_then_restores_only_that_revision()
    {
        var root = shared.Root;
        CreateWith(root, "moved", "demo==1.0");
        root.Engine.Packages.SetPackagesAsync("moved", new[] { "demo==2.0" }, false, null, default).Awaited();
        root.Engine.Lifecycle.UpdateAsync("moved", new UpdateOptions(), null, default).Awaited();

        var frozen = root.Engine.History.LockAsync("moved", 1, "back to the validated set", null, default).Awaited();
        var frozenVersion = VersionOf(root, "moved", "demo");
        var other = Assert.Throws<CodeEnvException>(() => root.Engine.History.RestoreAsync("moved", 2, false, false, null, default).Awaited());
        var same = root.Engine.History.RestoreAsync("moved", 1, false, false, null, default).Awaited();

        Assert.Equal((1, EnvironmentState.Ready), (frozen.FrozenRevision, frozen.State));
        Assert.Equal("1.0", frozenVersion);
        Assert.Equal(new[] { "demo==1.0" }, frozen.RequestedPackages);
        Assert.Equal("EnvironmentFrozen", other.ErrorId);
        Assert.Contains("Restore-CodeEnv to revision 2", other.Message);
        Assert.Equal(EnvironmentState.Ready, same.State);
    }

    [Fact]
    public void A_freeze_an_administrator_set_is_not_lifted_by_the_owner_and_one_the_owner_set_is()
    {
        var root = shared.Root;
        CreateWith(root, "handed");
        root.Engine.Lifecycle.SetAsync("handed", new EnvironmentSettingsChange { Owner = "nobody" }, null, default).Awaited();
        var owner = new CodeEnvEngine(root.Paths.Root, new As("nobody"), SystemClock.Instance);
        root.Engine.History.LockAsync("handed", null, "audit", null, default).Awaited();

        var refused = Assert.Throws<CodeEnvException>(() => owner.History.UnlockAsync("handed", null, default).Awaited());
        root.Engine.History.UnlockAsync("handed", null, default).Awaited();
        owner.History.LockAsync("handed", null, "mine", null, default).Awaited();
        var lifted = owner.History.UnlockAsync("handed", null, default).Awaited();

        Assert.Equal(ErrorKind.PermissionDenied, refused.Kind);
        Assert.Contains("Administer", refused.Message);
        Assert.False(lifted.Frozen);
    }

    [Fact]
    public void Freezing_a_revision_whose_venv_was_never_built_is_refused_with_the_fix()
    {
        using var root = new TestRoot();
        root.Create("planned");

        var error = Assert.Throws<CodeEnvException>(() => root.Engine.History.LockAsync("planned", null, null, null, default).Awaited());

        Assert.Equal("EnvironmentNeverUpdated", error.ErrorId);
        Assert.Contains("Update-CodeEnv -Name planned", error.Message);
        Assert.False(root.Engine.Environments.GetAsync("planned", default).Awaited().Frozen);
    }
}

/// <summary>
/// One root for a class's tests, each on envs of its own names: its interpreter seed is built once, not once a test. Its
/// only source is a find-links folder of its own, holding demo 1.0 and 2.0 and a stand-in ipykernel.
/// </summary>
public sealed class WheelRoot : IDisposable
{
    internal TestRoot Root { get; } = new();

    public string Links { get; }

    public WheelRoot()
    {
        Links = Root.Scratch("links");
        WheelBuilder.Write(Links, "demo", "1.0");
        WheelBuilder.Write(Links, "demo", "2.0");
        WheelBuilder.Write(Links, "ipykernel", "6.29.5");
        Store.RootStore.Update(Root.Paths, s =>
        {
            s.PackageSources.NoIndex = true;
            s.PackageSources.FindLinks.Add(Links);
        }, TestRoot.Identity.Current(), SystemClock.Instance, TimeSpan.FromSeconds(5));
    }

    public void Dispose() => Root.Dispose();
}
