using CodeEnv.TestSupport;
using CodeEnv.Python;
using CodeEnv.Requirements;

namespace CodeEnv.Core.Tests;

public class MarkerTests
{
    private static readonly Dictionary<string, string> Linux311 = new()
    {
        ["python_version"] = "3.11", ["python_full_version"] = "3.11.7", ["os_name"] = "posix", ["sys_platform"] = "linux",
        ["platform_release"] = "6.1.0", ["platform_system"] = "Linux", ["platform_version"] = "#1 SMP", ["platform_machine"] = "x86_64",
        ["platform_python_implementation"] = "CPython", ["implementation_name"] = "cpython", ["implementation_version"] = "3.11.7", ["extra"] = "",
    };

    [Theory]
    [InlineData("python_version < \"3.9\"", false)]
    [InlineData("python_version >= \"3.9\"", true)]
    [InlineData("python_version == \"3.11\"", true)]
    [InlineData("python_version > \"3.10\"", true)]
    [InlineData("python_version > \"3.9\"", true)]
    [InlineData("python_version ~= \"3.10\"", true)]
    [InlineData("python_version == \"3.11.*\"", true)]
    [InlineData("python_version != \"3.11\"", false)]
    [InlineData("python_full_version >= \"3.11.5\"", true)]
    [InlineData("python_full_version < \"3.11.7\"", false)]
    [InlineData("python_full_version === \"3.11.7\"", true)]
    [InlineData("sys_platform == \"linux\"", true)]
    [InlineData("sys_platform == 'win32'", false)]
    [InlineData("sys_platform != \"win32\"", true)]
    [InlineData("os_name == \"nt\"", false)]
    [InlineData("platform_machine == \"x86_64\"", true)]
    [InlineData("platform_machine in \"x86_64 aarch64\"", true)]
    [InlineData("platform_machine not in \"arm64 aarch64\"", true)]
    [InlineData("\"linux\" in sys_platform", true)]
    [InlineData("implementation_name == \"cpython\"", true)]
    [InlineData("platform_python_implementation == \"PyPy\"", false)]
    [InlineData("platform_system == \"Linux\" and python_version >= \"3.8\"", true)]
    [InlineData("platform_system == \"Windows\" or python_version >= \"3.8\"", true)]
    [InlineData("platform_system == \"Windows\" or python_version < \"3.8\"", false)]
    [InlineData("(sys_platform == \"win32\" or sys_platform == \"linux\") and python_version < \"4\"", true)]
    [InlineData("sys_platform == \"win32\" or sys_platform == \"linux\" and python_version < \"3\"", false)]
    [InlineData("extra == \"test\"", false)]
    [InlineData("implementation_version >= \"3.11\"", true)]
    [InlineData("platform_release >= \"5\"", true)]
    [InlineData("os.name == \"posix\"", true)]
    [InlineData("python_version<'3.12'", true)]
    public void Evaluates_against_the_interpreter_values(string marker, bool expected)
    {
        Assert.True(Marker.TryParse(marker, out var parsed, out var problem), problem);
        Assert.Equal(expected, parsed!.Evaluate(Linux311));
    }

    [Fact]
    public void Extras_compare_by_normalized_name()
    {
        Assert.True(Marker.TryParse("extra == \"Dev_Tools\"", out var marker, out _));
        Assert.True(marker!.Evaluate(new Dictionary<string, string>(Linux311) { ["extra"] = "dev-tools" }));
    }

    [Theory]
    [InlineData("python_version")]
    [InlineData("python_version <")]
    [InlineData("< \"3\"")]
    [InlineData("\"3\" < \"4\"")]
    [InlineData("python_version < 3.9")]
    [InlineData("(python_version < \"3\"")]
    [InlineData("python_version < \"3\" and")]
    [InlineData("python_version < \"3\" xor os_name == \"nt\"")]
    [InlineData("unknown_var == \"x\"")]
    public void Refuses_a_malformed_marker(string marker) => Assert.False(Marker.TryParse(marker, out _, out _));
}

[Trait(TestLayers.Category, TestLayers.Process)]
public class MarkerEnvironmentTests
{
    [Theory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    public async Task Markers_evaluate_against_the_values_of_a_real_interpreter(string version)
    {
        var python = Interpreters.Require(version);
        var values = await MarkerProbe.ProbeAsync(SystemProcessRunner.Instance, python.Path, CancellationToken.None);

        Assert.Equal(version, values["python_version"]);
        Assert.Equal(python.Version.ToString(), values["python_full_version"]);
        Assert.True(Marker.TryParse($"python_version == \"{version}\" and sys_platform == \"{values["sys_platform"]}\"", out var matching, out _));
        Assert.True(matching!.Evaluate(values));
        Assert.True(Marker.TryParse("python_version < \"3.9\"", out var older, out _));
        Assert.False(older!.Evaluate(values));
    }
}
