using CodeEnv.Service;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>A served root's socket is where codeenv.json's endpoint says, the default one when it says none.</summary>
public class ServiceSocketTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData(null, "state/codeenv.sock")]
    [InlineData("", "state/codeenv.sock")]
    [InlineData("run/other.sock", "run/other.sock")]
    public void The_socket_is_the_named_endpoint_or_the_default(string? endpoint, string expected) =>
        Assert.Equal(Path.Combine(folder.Path, expected), new RootPaths(folder.Path).ServiceSocket(endpoint));

    [Fact]
    public void A_served_root_written_with_the_default_settings_listens_at_the_default_socket()
    {
        var paths = new RootPaths(folder.Path);
        File.WriteAllText(paths.SettingsFile, Json.Serialize(new RootSettingsDocument { Service = new ServiceSettings { Account = "svc" } }));

        Assert.Equal(paths.ServiceSocket(null), ServedRoot.Find(paths)!.Endpoint);
    }

    public void Dispose() => folder.Dispose();
}
