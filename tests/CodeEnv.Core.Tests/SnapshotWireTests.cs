using CodeEnv.Service;
using CodeEnv.TestSupport;
using Newtonsoft.Json;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A served root's answers, written by the service and read by the caller's side with the wire's own serializers:
/// versions come back as the versions they were, lists as lists of the same items, named lists as named lists.
/// </summary>
public class SnapshotWireTests
{
    private static T AcrossTheWire<T>(T value)
    {
        var text = new StringWriter();
        ServiceWire.Formatter(caller: false).JsonSerializer.Serialize(text, value);
        using var reader = new JsonTextReader(new StringReader(text.ToString()));
        return ServiceWire.Formatter(caller: true).JsonSerializer.Deserialize<T>(reader)!;
    }

    [Trait(TestLayers.Category, TestLayers.Process)]
    [Fact]
    public void An_env_comes_back_with_its_version_lists_and_derived_properties()
    {
        using var root = new TestRoot();
        root.Create("wired", "3.12");
        root.Engine.Packages.SetPackagesAsync("wired", new[] { "tabulate", "six>=1.16" }, false, null, CancellationToken.None).Awaited();
        var sent = root.Engine.Environments.GetAsync("wired", default).Awaited();

        var read = AcrossTheWire(sent);

        Assert.Equal(sent.PythonVersion, read.PythonVersion);
        Assert.Equal(3, read.PythonVersion.Major);
        Assert.Equal(new[] { "tabulate", "six>=1.16" }, read.RequestedPackages);
        Assert.Equal("tabulate, six>=1.16", read.RequestedPackages.ToString());
        Assert.True(read.NeedsUpdate);
        Assert.Equal(sent.CreatedAt, read.IdleSince);
    }

    [Fact]
    public void The_root_settings_come_back_with_their_package_sets_by_name()
    {
        using var root = new TestRoot();
        var sent = root.Engine.Root.SettingsAsync(default).Awaited();

        var read = AcrossTheWire(sent);

        Assert.Equal(sent.PackageSets.Keys, read.PackageSets.Keys);
        Assert.Equal(sent.PackageSets["Visual Machine Learning"], read.PackageSets["visual machine learning"]);
        Assert.Equal(sent.Administrators, read.Administrators);
    }

    [Trait(TestLayers.Category, TestLayers.Process)]
    [Fact]
    public void An_interpreter_comes_back_with_its_version()
    {
        var sent = Interpreters.Require("3.12");

        var read = AcrossTheWire(sent);

        Assert.Equal(sent.Version, read.Version);
        Assert.Equal(sent.Version.Minor, read.Version.Minor);
    }
}
