using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>A declaration is checked before anything is read or written: what goes into consumers.json and every refusal message.</summary>
public class ConsumerDeclarationTests
{
    [Theory]
    [InlineData("", null)]
    [InlineData("line\nbreak", null)]
    [InlineData("nightly", "numpy==1.26")]
    [InlineData("nightly", "not a name")]
    public void An_empty_or_control_character_id_or_a_package_that_is_not_a_name_is_refused(string id, string? package)
    {
        using var root = new TestRoot();
        var declaration = new ConsumerDeclaration { Kind = ConsumerKind.Cron, Id = id, Packages = package == null ? new string[0] : new[] { package } };

        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Usages.AddConsumerAsync("nosuch", declaration, null, CancellationToken.None).Awaited());

        Assert.Equal(ErrorIds.ConsumerInvalid.Id, error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void UnusedAfterDays_is_a_root_setting_of_1_to_36500_days_and_90_until_set()
    {
        using var root = new TestRoot();
        Assert.Equal(90, root.Engine.Root.SettingsAsync(CancellationToken.None).Awaited().UnusedAfterDays);

        var changed = root.Engine.Root.ChangeAsync(new RootSettingsChange { UnusedAfterDays = 30 }, CancellationToken.None).Awaited();
        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Root.ChangeAsync(new RootSettingsChange { UnusedAfterDays = 0 }, CancellationToken.None).Awaited());

        Assert.Equal(30, changed.UnusedAfterDays);
        Assert.Equal(ErrorIds.UnusedAfterDaysInvalid.Id, error.ErrorId);
        // The default is kept as no setting, so a root that never changed it reads as an older CodeEnv wrote it.
        root.Engine.Root.ChangeAsync(new RootSettingsChange { UnusedAfterDays = 90 }, CancellationToken.None).Awaited();
        Assert.DoesNotContain("unusedAfterDays", File.ReadAllText(root.Paths.SettingsFile));
    }
}
