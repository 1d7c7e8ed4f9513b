using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>The installed set's dependency graph, which the SBOM writes: Requires-Dist under the env's markers, with the extras asked of each distribution, and only edges to what is installed.</summary>
public class DependencyGraphTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> Linux312 = new Dictionary<string, string>
    {
        ["python_version"] = "3.12", ["python_full_version"] = "3.12.1", ["sys_platform"] = "linux", ["implementation_name"] = "cpython",
    };

    private readonly TempFolder folder = new();

    public DependencyGraphTests()
    {
        DistInfo("app", "1.0", "lib[fast]", "winonly; sys_platform == \"win32\"", "absent");
        DistInfo("lib", "2.0", "speedup; extra == \"fast\"", "slowdown; extra == \"slow\"");
        DistInfo("speedup", "1.0");
        DistInfo("slowdown", "1.0");
        DistInfo("winonly", "1.0");
        DistInfo("stray", "0.1", "lib", "speedup; extra == \"x\"");
    }

    public void Dispose() => folder.Dispose();

    private string Venv => folder.Combine("venv");

    private void DistInfo(string name, string version, params string[] requires)
    {
        var distInfo = Path.Combine(Venv, "lib", "python3.12", "site-packages", $"{name}-{version}.dist-info");
        Directory.CreateDirectory(distInfo);
        File.WriteAllText(Path.Combine(distInfo, "METADATA"), $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + string.Concat(requires.Select(r => $"Requires-Dist: {r}\n")));
    }

    private IReadOnlyDictionary<string, IReadOnlyCollection<string>> Graph(params string[] lines) =>
        InstalledSetCheck.Run(
            RequirementsParser.Parse(lines, AnyRequirementLine.Instance).Select(r => (r, PackageKind.Requested)),
            InstalledPackageReader.ReadDistributions(Venv, "env", "/root", withRequirements: true),
            Linux312).DependencyGraph();

    [Fact]
    public void An_extra_asked_by_a_dependency_brings_its_edges_and_a_marker_that_excludes_the_env_none()
    {
        var graph = Graph("app");

        Assert.Equal(new[] { "lib" }, graph["app"]);
        Assert.Equal(new[] { "speedup" }, graph["lib"]);
    }

    [Fact]
    public void Every_installed_distribution_is_a_node_and_one_nothing_needs_has_its_edges_without_extras()
    {
        var graph = Graph("app");

        Assert.Equal(new[] { "app", "lib", "slowdown", "speedup", "stray", "winonly" }, graph.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "lib" }, graph["stray"]);
        Assert.Empty(graph["winonly"]);
    }
}
