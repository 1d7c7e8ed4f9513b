using CodeEnv.Requirements;
using CodeEnv.Resolution;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The resolver's own decisions on local find-links folders, with an interpreter described rather than run: when it hands
/// the decision to pip and why, and what an incremental resolution keeps. No process starts (ResolutionOracleTests proves
/// the choices against pip).
/// </summary>
public sealed class GreedyResolverTests : IDisposable
{
    private static readonly Dictionary<string, string> Linux312 = new()
    {
        ["implementation_name"] = "cpython", ["implementation_version"] = "3.12.1", ["os_name"] = "posix", ["platform_machine"] = "x86_64",
        ["platform_release"] = "6.1.0", ["platform_system"] = "Linux", ["platform_version"] = "#1 SMP", ["python_full_version"] = "3.12.1",
        ["platform_python_implementation"] = "CPython", ["python_version"] = "3.12", ["sys_platform"] = "linux", ["extra"] = "",
    };

    private readonly TempFolder work = new();

    public void Dispose() => work.Dispose();

    private string Links => work.Combine("links");

    [Fact]
    public async Task A_chain_is_resolved_with_each_file_its_hash_and_whether_a_line_asked_for_it()
    {
        var top = ResolutionWheels.Write(Links, "top", "1.0", requires: new[] { "middle>=1" });
        ResolutionWheels.Write(Links, "middle", "1.0");
        var middle = ResolutionWheels.Write(Links, "middle", "1.1", requires: new[] { "bottom" });
        ResolutionWheels.Write(Links, "bottom", "0.1");

        var outcome = await ResolveAsync("top");

        Assert.True(outcome.IsResolved, outcome.ToString());
        Assert.Equal(new[] { "top==1.0", "middle==1.1", "bottom==0.1" }, outcome.Distributions.Select(d => d.ToString()));
        Assert.Equal(new[] { true, false, false }, outcome.Distributions.Select(d => d.Requested));
        Assert.Equal((top, ResolutionWheels.Sha256Of(top)), (outcome.Distributions[0].Location, outcome.Distributions[0].Sha256));
        Assert.Equal(Path.GetFileName(middle), outcome.Distributions[1].FileName);
    }

    [Fact]
    public async Task A_project_with_only_an_sdist_is_left_to_pip_which_builds_it()
    {
        ResolutionWheels.Write(Links, "app", "1.0", requires: new[] { "legacy" });
        SdistBuilder.Write(Links, "legacy", "2.0");

        var outcome = await ResolveAsync("app");

        Assert.Equal(ResolutionKind.PipMustDecide, outcome.Kind);
        Assert.Equal("legacy 2.0 would come from an sdist (legacy-2.0.tar.gz): pip builds it to learn its dependencies", outcome.PipMustDecideReason);
    }

    [Fact]
    public async Task An_sdist_of_a_higher_version_than_every_wheel_is_left_to_pip()
    {
        ResolutionWheels.Write(Links, "mixed", "1.0");
        SdistBuilder.Write(Links, "mixed", "1.1");

        Assert.Contains("mixed-1.1.tar.gz", (await ResolveAsync("mixed")).PipMustDecideReason);
    }

    [Theory]
    [InlineData("pkg @ https://example.org/pkg-1.0-py3-none-any.whl", "direct reference")]
    [InlineData("/srv/wheels/pkg-1.0-py3-none-any.whl", "direct reference")]
    [InlineData("--pre", "pip options")]
    [InlineData("-e /srv/src/pkg", "pip options")]
    [InlineData("pkg==1.0 --hash=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "pip options")]
    [InlineData("pkg===1.0", "===")]
    public async Task A_line_only_pip_reads_is_left_to_pip(string line, string why)
    {
        ResolutionWheels.Write(Links, "pkg", "1.0");

        var outcome = await ResolveAsync(line);

        Assert.Equal(ResolutionKind.PipMustDecide, outcome.Kind);
        Assert.Contains(why, outcome.PipMustDecideReason);
    }

    [Fact]
    public async Task A_dependency_that_no_file_satisfies_beside_what_was_required_before_is_left_to_pip()
    {
        ResolutionWheels.Write(Links, "first", "1.0", requires: new[] { "shared>=2" });
        ResolutionWheels.Write(Links, "second", "1.0", requires: new[] { "shared<2" });
        ResolutionWheels.Write(Links, "shared", "1.0");
        ResolutionWheels.Write(Links, "shared", "2.0");

        var outcome = await ResolveAsync("first", "second");

        Assert.Equal("second 1.0 was chosen, but it requires shared<2, and no file of shared here satisfies 'shared>=2, shared<2' as well: that needs pip's backtracking", outcome.PipMustDecideReason);
    }

    [Fact]
    public async Task A_pip_whose_choices_are_not_reproduced_decides_itself()
    {
        ResolutionWheels.Write(Links, "pkg", "1.0");

        var outcome = await ResolveAsync(new[] { "pkg" }, pip: "25.1");

        Assert.Equal("the env has pip 25.1, and CodeEnv reproduces the choices of pip 23.0 to 25.0 only: pip decides", outcome.PipMustDecideReason);
    }

    [Fact]
    public async Task A_wheel_for_another_platform_or_python_is_not_a_candidate()
    {
        ResolutionWheels.Write(Links, "native", "2.0", tag: "cp312-cp312-win_amd64");
        ResolutionWheels.Write(Links, "native", "1.9", tag: "cp311-cp311-manylinux_2_17_x86_64");
        ResolutionWheels.Write(Links, "native", "1.0", tag: "cp312-cp312-manylinux_2_17_x86_64");

        Assert.Equal("native==1.0", (await ResolveAsync("native")).Distributions.Single().ToString());
    }

    [Fact]
    public async Task The_order_of_choices_follows_the_envs_pip_which_since_23_3_also_requires_the_project_of_a_line_with_extras()
    {
        ResolutionWheels.Write(Links, "lib", "1.0", extras: new[] { "io" }, requires: new[] { "codec; extra == \"io\"" });
        ResolutionWheels.Write(Links, "lib", "2.0", extras: new[] { "io" }, requires: new[] { "codec; extra == \"io\"" });
        ResolutionWheels.Write(Links, "codec", "3.0");

        var before = await ResolveAsync(new[] { "lib[io]>=1" }, pip: "23.2.1");
        var after = await ResolveAsync(new[] { "lib[io]>=1" }, pip: "24.2");

        // pip 23.2 reaches lib only through lib[io], beside codec, and takes codec first by name; pip 24.2 takes lib first, as a line.
        Assert.Equal(new[] { "codec==3.0", "lib==2.0" }, before.Distributions.Select(d => d.ToString()));
        Assert.Equal(new[] { "lib==2.0", "codec==3.0" }, after.Distributions.Select(d => d.ToString()));
    }

    [Fact]
    public async Task Pip_23_0_chooses_setuptools_after_the_names_whose_requirements_narrow_it()
    {
        ResolutionWheels.Write(Links, "setuptools", "59.0");
        ResolutionWheels.Write(Links, "setuptools", "70.0");
        ResolutionWheels.Write(Links, "old-build", "1.0", requires: new[] { "setuptools<60" });

        var delayed = await ResolveAsync(new[] { "setuptools", "old-build" }, pip: "23.0.1");
        var first = await ResolveAsync(new[] { "setuptools", "old-build" }, pip: "23.2.1");

        Assert.Equal(new[] { "old-build==1.0", "setuptools==59.0" }, delayed.Distributions.Select(d => d.ToString()));
        Assert.Equal("setuptools 70.0 was chosen, but old-build 1.0 requires setuptools<60: that needs pip's backtracking", first.PipMustDecideReason);
    }

    [Fact]
    public async Task An_incremental_resolution_keeps_what_still_satisfies_and_chooses_only_what_is_new()
    {
        ResolutionWheels.Write(Links, "web", "1.0", requires: new[] { "http>=1" });
        ResolutionWheels.Write(Links, "web", "2.0", requires: new[] { "http>=1" });
        ResolutionWheels.Write(Links, "http", "1.0");
        ResolutionWheels.Write(Links, "http", "1.5");
        ResolutionWheels.Write(Links, "plot", "3.0", requires: new[] { "http>=1.2" });
        var installed = new[] { new CurrentDistribution("web", "1.0", new[] { "http>=1" }), new CurrentDistribution("http", "1.0", Array.Empty<string>()) };

        var outcome = await ResolveChangesAsync(installed, "web", "plot");

        Assert.True(outcome.IsResolved, outcome.ToString());
        Assert.Equal(new[] { ("web==1.0", true), ("http==1.5", false), ("plot==3.0", false) }.OrderBy(p => p.Item1), outcome.Distributions.Select(d => (d.ToString(), d.AlreadyInstalled)).OrderBy(p => p.Item1));
        Assert.True(outcome.RequirementsMet);
    }

    [Fact]
    public async Task An_incremental_resolution_says_which_requirements_of_the_env_the_new_set_leaves_unmet()
    {
        ResolutionWheels.Write(Links, "http", "2.0");
        var installed = new[] { new CurrentDistribution("legacy-client", "1.0", new[] { "http<2" }), new CurrentDistribution("http", "1.0", Array.Empty<string>()) };

        var outcome = await ResolveChangesAsync(installed, "http>=2");

        Assert.Equal(new[] { "http==2.0" }, outcome.Distributions.Select(d => d.ToString()));
        Assert.False(outcome.RequirementsMet);
        Assert.Equal(new[] { "legacy-client 1.0 requires http<2, but http 2.0 would be installed" }, outcome.UnmetRequirements);
    }

    private Task<ResolutionOutcome> ResolveAsync(params string[] lines) => ResolveAsync(lines, "24.2");

    private Task<ResolutionOutcome> ResolveAsync(string[] lines, string pip) =>
        Resolver(pip).ResolveAsync(RequirementsParser.Parse(lines, AnyRequirementLine.Instance), null, CancellationToken.None);

    private Task<ResolutionOutcome> ResolveChangesAsync(IReadOnlyList<CurrentDistribution> installed, params string[] lines) =>
        Resolver("24.2").ResolveChangesAsync(installed, RequirementsParser.Parse(lines, AnyRequirementLine.Instance), null, CancellationToken.None);

    private GreedyResolver Resolver(string pip)
    {
        var environment = new ResolverEnvironment(Linux312, new SupportedTags(new[] { "cp312-cp312-manylinux_2_17_x86_64", "cp312-abi3-manylinux_2_17_x86_64", "py3-none-any" }), PipBehavior.Of(pip));
        var fetcher = new HttpUrlFetcher(Array.Empty<string>());
        return new GreedyResolver(new CandidateFinder(new CandidateSources(new[] { Links }, Array.Empty<string>()), fetcher, environment.Tags, environment.PythonVersion), new CandidateMetadataReader(fetcher), environment);
    }
}
