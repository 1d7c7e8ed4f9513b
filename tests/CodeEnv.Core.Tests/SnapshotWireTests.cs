using CodeEnv.Service;
using Newtonsoft.Json;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A served root's answers, written by the service and read by the caller's side with the wire's own serializers:
/// versions come back as the versions they were.
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

    [Fact]
    public void An_interpreter_comes_back_with_its_version()
    {
        var sent = Interpreters.Require("3.12");

        var read = AcrossTheWire(sent);

        Assert.Equal(sent.Version, read.Version);
        Assert.Equal(sent.Version.Minor, read.Version.Minor);
    }
}
