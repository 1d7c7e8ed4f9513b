using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>Declared consumers and recorded usages through the engine, on a real root with real interpreters.</summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class UsageServiceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static EnvironmentConsumer Declare(TestRoot root, string env, ConsumerKind kind, string id, params string[] packages) =>
        root.Engine.Usages.AddConsumerAsync(env, new ConsumerDeclaration { Kind = kind, Id = id, Owner = "data-team", Packages = packages }, null, None).Awaited();

    [Fact]
    public void Remove_is_refused_naming_the_declared_consumers_and_goes_through_with_force()
    {
        using var root = new TestRoot();
        root.Create("churn");
        Declare(root, "churn", ConsumerKind.ScheduledTask, "nightly");

        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Lifecycle.RemoveAsync("churn", false, null, None).Awaited());
        Assert.Equal(ErrorIds.EnvironmentHasConsumers.Id, error.ErrorId);
        Assert.Contains("ScheduledTask 'nightly' of data-team", error.Message);
        Assert.Equal(EnvironmentState.Outdated, root.Engine.Environments.GetAsync("churn", None).Awaited().State);

        root.Engine.Lifecycle.RemoveAsync("churn", true, null, None).Awaited();
        Assert.Empty(root.Engine.Environments.NamesAsync(None).Awaited());
    }

    [Fact]
    public void Removing_or_replacing_away_a_pinned_package_is_refused_until_force_and_other_lines_change_freely()
    {
        using var root = new TestRoot();
        root.Create("churn");
        root.Engine.Packages.AddPackagesAsync("churn", new[] { "pandas>=2", "tabulate" }, null, None).Awaited();
        Declare(root, "churn", ConsumerKind.Service, "scoring.service", "Pandas");

        var removal = Assert.Throws<CodeEnvException>(() => root.Engine.Packages.RemovePackagesAsync("churn", new[] { "pandas" }, false, null, None).Awaited());
        var replacement = Assert.Throws<CodeEnvException>(() => root.Engine.Packages.SetPackagesAsync("churn", new[] { "tabulate" }, false, null, None).Awaited());
        root.Engine.Packages.RemovePackagesAsync("churn", new[] { "tabulate" }, false, null, None).Awaited();
        var forced = root.Engine.Packages.SetPackagesAsync("churn", new[] { "six" }, true, null, None).Awaited();

        Assert.Equal(ErrorIds.EnvironmentHasConsumers.Id, removal.ErrorId);
        Assert.Contains("Removing the package 'pandas' from 'churn'", removal.Message);
        Assert.Contains("Service 'scoring.service'", replacement.Message);
        Assert.Equal(new[] { "six" }, forced.RequestedPackages);
    }

    [Fact]
    public void Restoring_a_revision_on_another_python_minor_is_refused_while_consumers_are_declared()
    {
        using var root = new TestRoot();
        root.Create("churn", "3.11");
        root.Engine.Packages.AddPackagesAsync("churn", new[] { "tabulate" }, null, None).Awaited();
        // Revision 2 moved to another Python, as a change of interpreter would (env.json edited as that change writes it).
        var file = root.Paths.EnvFile("churn");
        var definition = JObject.Parse(File.ReadAllText(file));
        definition["python"]!["version"] = "3.12.4";
        File.WriteAllText(file, definition.ToString());
        Declare(root, "churn", ConsumerKind.NotebookProject, "/srv/notebooks/churn");

        var error = Assert.Throws<CodeEnvException>(() => root.Engine.History.RestoreAsync("churn", 1, true, false, null, None).Awaited());
        var restored = root.Engine.History.RestoreAsync("churn", 1, true, true, null, None).Awaited();

        Assert.Equal(ErrorIds.EnvironmentHasConsumers.Id, error.ErrorId);
        Assert.Contains("Changing the Python of 'churn' from 3.12.4 to 3.11", error.Message);
        Assert.StartsWith("3.11.", restored.PythonVersion.ToString());
    }

    [Fact]
    public void A_consumer_of_the_same_kind_and_id_is_replaced_and_removing_an_unknown_one_is_not_found()
    {
        using var root = new TestRoot();
        root.Create("churn");
        Declare(root, "churn", ConsumerKind.Cron, "refresh", "pandas");
        Declare(root, "churn", ConsumerKind.Cron, "REFRESH", "numpy");
        Declare(root, "churn", ConsumerKind.Other, "refresh");

        var consumers = root.Engine.Usages.ConsumersAsync("churn", None).Awaited();
        Assert.Equal(new[] { (ConsumerKind.Cron, "REFRESH", "numpy"), (ConsumerKind.Other, "refresh", "") }, consumers.Select(c => (c.Kind, c.Id, c.Packages.ToString())));
        Assert.Equal(System.Environment.UserName, consumers[0].DeclaredBy);

        root.Engine.Usages.RemoveConsumerAsync("churn", ConsumerKind.Cron, "refresh", null, None).Awaited();
        var missing = Assert.Throws<CodeEnvException>(() => root.Engine.Usages.RemoveConsumerAsync("churn", ConsumerKind.Cron, "refresh", null, None).Awaited());
        Assert.Equal(ErrorIds.ConsumerNotFound.Id, missing.ErrorId);
        Assert.Equal(ConsumerKind.Other, Assert.Single(root.Engine.Usages.ConsumersAsync("churn", None).Awaited()).Kind);
    }

    [Fact]
    public void Each_start_is_recorded_per_user_and_kind_and_the_unused_report_leaves_out_envs_with_consumers()
    {
        using var root = new TestRoot();
        root.Create("churn", "3.12", noInstall: false);
        root.Create("idle");
        root.Create("declared");
        Declare(root, "declared", ConsumerKind.Other, "kept");
        root.Engine.Containers.AddAsync(new ContainerConfig { ConfigName = "Slim312", BaseImage = "python:3.12-slim" }, None).Awaited();

        root.Engine.Lifecycle.UsableAsync("churn", null, None).Awaited();
        root.Engine.Lifecycle.UsableAsync("churn", null, None).Awaited();
        root.Engine.Lifecycle.UsableAsync("churn", "slim312", None).Awaited();
        root.Engine.Lifecycle.UsableAsync("churn", "made-up", None).Awaited();

        var usages = root.Engine.Usages.UsagesAsync("churn", None).Awaited();
        Assert.Equal(new[] { (UsageKind.Container, "Slim312"), (UsageKind.Python, (string?)null) }, usages.Select(u => (u.Kind, u.Target)).OrderBy(u => u.Kind == UsageKind.Python));
        Assert.All(usages, u => Assert.Equal(System.Environment.UserName, u.User));
        Assert.Equal(2, Directory.GetFiles(root.Paths.UsagesFolder("churn")).Length);

        var unused = root.Engine.Usages.UnusedAsync(0, false, None).Awaited();
        Assert.Equal(new[] { "churn", "idle" }, unused.Select(u => u.Name).OrderBy(n => n));
        Assert.Equal(System.Environment.UserName, unused.Single(u => u.Name == "churn").LastUsedBy);
        Assert.Contains("declared", root.Engine.Usages.UnusedAsync(0, true, None).Awaited().Select(u => u.Name));
        Assert.Empty(root.Engine.Usages.UnusedAsync(null, true, None).Awaited());
    }
}
