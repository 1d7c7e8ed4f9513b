using CodeEnv.Errors;
using CodeEnv.Usage;

namespace CodeEnv.Core.Tests;

/// <summary>What breaks a declared consumer, decided without a root: the rule every removal and change path asks.</summary>
public class ConsumerGuardTests
{
    private static readonly StoredConsumer Nightly = new() { Kind = ConsumerKind.ScheduledTask, Id = @"\Reports\Nightly", Owner = "data-team", Description = "scores churn", Packages = { "pandas" } };
    private static readonly StoredConsumer Api = new() { Kind = ConsumerKind.Service, Id = "forecast.service", Owner = "bob" };

    private static EnvironmentDefinition Definition(string python, params string[] lines) =>
        new() { Name = "churn", Python = new PythonSelection { Version = python, Interpreter = "/usr/bin/python3" }, RequestedPackages = lines.ToList() };

    [Fact]
    public void A_removal_of_an_env_with_consumers_is_refused_naming_each_of_them()
    {
        var error = Assert.Throws<CodeEnvException>(() => ConsumerGuard.RefuseRemoval("churn", new[] { Nightly, Api }, overrideConsumers: false));

        Assert.Equal(ErrorIds.EnvironmentHasConsumers.Id, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
        Assert.Contains(@"ScheduledTask '\Reports\Nightly' of data-team (scores churn)", error.Message);
        Assert.Contains("Service 'forecast.service' of bob", error.Message);
        Assert.Contains("-Force", error.Message);
    }

    [Fact]
    public void Force_or_no_consumer_lets_a_removal_through()
    {
        ConsumerGuard.RefuseRemoval("churn", new[] { Nightly }, overrideConsumers: true);
        ConsumerGuard.RefuseRemoval("churn", Array.Empty<StoredConsumer>(), overrideConsumers: false);
    }

    [Fact]
    public void A_change_of_the_python_minor_version_breaks_every_consumer_and_a_patch_release_none()
    {
        var minor = ConsumerGuard.BreakingChanges(Definition("3.11.9"), Definition("3.12.4"), new[] { Nightly, Api });
        var patch = ConsumerGuard.BreakingChanges(Definition("3.11.9"), Definition("3.11.10"), new[] { Nightly, Api });

        Assert.Equal(new[] { Nightly, Api }, Assert.Single(minor).Consumers);
        Assert.Contains("from 3.11.9 to 3.12.4", minor[0].Text);
        Assert.Empty(patch);
    }

    [Fact]
    public void Removing_a_pinned_package_breaks_only_the_consumers_that_pin_it_in_any_spelling()
    {
        var breaks = ConsumerGuard.BreakingChanges(Definition("3.12.4", "Pandas>=2", "tabulate"), Definition("3.12.4", "tabulate"), new[] { Nightly, Api });

        var (text, consumers) = Assert.Single(breaks);
        Assert.Equal(new[] { Nightly }, consumers);
        Assert.Contains("'pandas'", text);
    }

    [Fact]
    public void Changing_a_pinned_package_line_or_dropping_an_unpinned_one_breaks_nothing()
    {
        Assert.Empty(ConsumerGuard.BreakingChanges(Definition("3.12.4", "pandas>=2", "tabulate"), Definition("3.12.4", "pandas==2.2.3"), new[] { Nightly, Api }));
    }
}
