using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// Disable-CodeEnv and Enable-CodeEnv on the engine: an archived env leaves the kernel lists and new use, keeps its
/// definition, history and lock, frees its venvs, and comes back rebuilt exactly from its lock through the package store.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class ArchiveTests : IClassFixture<WheelRoot>
{
    private readonly WheelRoot shared;

    public ArchiveTests(WheelRoot shared) => this.shared = shared;

    private EnvironmentInfo CreateWith(string name, bool jupyter, params string[] lines) =>
        shared.Root.Engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = name, PythonVersion = "3.12", Requirements = lines, JupyterSupport = jupyter }, null, CancellationToken.None).Awaited();

    private string KernelSpec(string name) => Path.Combine(shared.Root.Paths.DefaultKernelsFolder, "codeenv-" + name, "kernel.json");

    [Fact]
    public void Archiving_removes_the_kernel_spec_and_the_venvs_and_refuses_use_updates_and_package_changes()
    {
        var engine = shared.Root.Engine;
        var env = CreateWith("retired", jupyter: true, "demo==1.0");
        Assert.True(File.Exists(KernelSpec("retired")));

        var archived = engine.Lifecycle.DisableAsync("retired", false, null, default).Awaited();
        var use = Assert.Throws<CodeEnvException>(() => engine.Lifecycle.UsableAsync("retired", null, default).Awaited());
        var update = Assert.Throws<CodeEnvException>(() => engine.Lifecycle.UpdateAsync("retired", new UpdateOptions(), null, default).Awaited());
        var change = Assert.Throws<CodeEnvException>(() => engine.Packages.AddPackagesAsync("retired", new[] { "stray" }, null, default).Awaited());

        Assert.True(archived.Archived);
        Assert.False(archived.NeedsUpdate);
        Assert.Equal(TestRoot.Identity.Current().UserName, archived.ArchivedBy);
        Assert.False(File.Exists(KernelSpec("retired")));
        Assert.False(Directory.Exists(Path.Combine(env.Path, "venvs")));
        Assert.False(File.Exists(env.PythonPath));
        Assert.True(File.Exists(shared.Root.Paths.InstalledFile("retired")));
        Assert.Equal(("EnvironmentArchived", "EnvironmentArchived", "EnvironmentArchived"), (use.ErrorId, update.ErrorId, change.ErrorId));
        Assert.Contains("Enable-CodeEnv -Name retired", use.Message);
        Assert.Equal(env.Revision, engine.Environments.GetAsync("retired", default).Awaited().Revision);
        Assert.DoesNotContain("retired", engine.Usages.UnusedAsync(0, true, default).Awaited().Select(u => u.Name));
    }

    [Fact]
    public void Enabling_rebuilds_the_venv_exactly_from_its_lock_through_the_store_once_the_source_is_gone_and_writes_the_kernel_spec_again()
    {
        var engine = shared.Root.Engine;
        var wheel = WheelBuilder.Write(shared.Links, "archme", "1.0");
        CreateWith("comeback", jupyter: true, "archme");
        engine.Lifecycle.DisableAsync("comeback", false, null, default).Awaited();
        File.Delete(wheel);
        WheelBuilder.Write(shared.Links, "archme", "2.0");

        var back = engine.Lifecycle.EnableAsync("comeback", null, default).Awaited();

        Assert.False(back.Archived);
        Assert.Equal(EnvironmentState.Ready, back.State);
        Assert.Equal("1.0", engine.Environments.InstalledPackagesAsync("comeback", default).Awaited().Single(p => p.Name == "archme").Version);
        Assert.True(File.Exists(KernelSpec("comeback")));
        Assert.Equal(back.PythonPath, engine.Lifecycle.UsableAsync("comeback", null, default).Awaited().PythonPath);
    }

    [Fact]
    public void Test_reports_an_archived_env_whose_venv_is_gone_as_archived_not_broken()
    {
        var engine = shared.Root.Engine;
        shared.Root.Create("shelved");
        Assert.Equal(HealthStatus.Broken, engine.Lifecycle.TestAsync("shelved", false, default).Awaited().Status);

        engine.Lifecycle.DisableAsync("shelved", false, null, default).Awaited();
        var report = engine.Lifecycle.TestAsync("shelved", false, default).Awaited();

        Assert.Equal(HealthStatus.Archived, report.Status);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public void An_archived_env_still_changes_hands_and_can_be_removed()
    {
        var engine = shared.Root.Engine;
        shared.Root.Create("handover");
        engine.Lifecycle.DisableAsync("handover", false, null, default).Awaited();

        var given = engine.Lifecycle.SetAsync("handover", new EnvironmentSettingsChange { Owner = "nobody", UsableByAll = false }, null, default).Awaited();
        engine.Lifecycle.RemoveAsync("handover", false, null, default).Awaited();

        Assert.Equal(("nobody", true), (given.Owner, given.Archived));
        Assert.DoesNotContain("handover", engine.Environments.NamesAsync(default).Awaited());
    }
}
