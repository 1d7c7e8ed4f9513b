using System.Text.Json;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.Resolution;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The proof: for wheel sets that exercise each rule of pip's choice, CodeEnv's resolver and a real pip
/// (<c>pip install --dry-run --report --ignore-installed</c>, offline, in a real venv) choose the same distributions from
/// the same files, or the resolver says pip must decide. Each case runs against pip 23.2.1 (Python 3.12's); the cases
/// where pip's versions differ (extras, which pip 23.3 began to hold differently, and a conflict) run against pip 24.2
/// (Python 3.13's) too, and those where pip 23.0.1 (Debian's Python 3.11, the interpreter of served roots) differs from
/// 23.2 (setuptools chosen last, another resolvelib's backtracking, a JSON index's metadata files it does not read)
/// against it.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public sealed class ResolutionOracleTests : IClassFixture<ResolutionOracleTests.Venvs>, IDisposable
{
    private readonly Venvs venvs;
    private readonly TempFolder work = new();

    public ResolutionOracleTests(Venvs venvs)
    {
        this.venvs = venvs;
    }

    public void Dispose() => work.Dispose();

    [Theory]
    [InlineData("3.12")]
    public async Task Pre_releases_count_only_where_pip_lets_them(string python)
    {
        var links = work.Combine("links");
        ResolutionWheels.Write(links, "pre-a", "1.0");
        ResolutionWheels.Write(links, "pre-a", "2.0b1");
        ResolutionWheels.Write(links, "pre-b", "1.0rc1");
        ResolutionWheels.Write(links, "pre-b", "1.0rc2");
        ResolutionWheels.Write(links, "pre-c", "1.0");
        ResolutionWheels.Write(links, "pre-c", "2.0b1");
        ResolutionWheels.Write(links, "pre-d", "1.0", requires: new[] { "pre-e>=1.0rc1" });
        ResolutionWheels.Write(links, "pre-e", "0.9");
        ResolutionWheels.Write(links, "pre-e", "1.0rc1");

        var (ours, pip) = await BothAsync(python, new[] { "pre-a", "pre-b", "pre-c>=2.0b1", "pre-d" }, findLinks: links);

        AssertSame(ours, pip, "pre-a==1.0", "pre-b==1.0rc2", "pre-c==2.0b1", "pre-d==1.0", "pre-e==1.0rc1");
    }

    [Theory]
    [InlineData("3.12")]
    public async Task A_specifier_that_names_no_pre_release_finds_none_and_pip_fails_too(string python)
    {
        var links = work.Combine("links");
        ResolutionWheels.Write(links, "pre-f", "0.5");
        ResolutionWheels.Write(links, "pre-f", "2.0b1");

        var (ours, pip) = await BothAsync(python, new[] { "pre-f>=1.0" }, findLinks: links);

        Assert.False(pip.Succeeded, "pip found a version for pre-f>=1.0: " + pip);
        Assert.Equal(ResolutionKind.PipMustDecide, ours.Kind);
        Assert.Contains("no file of pre-f", ours.PipMustDecideReason);
    }

    [Theory]
    [InlineData("3.12")]
    public async Task Yanked_files_and_requires_python_on_an_html_index_are_read_as_pip_reads_them(string python)
    {
        var dist = work.Combine("dist");
        var site = work.Combine("site");
        LoopbackIndex.WriteHtmlProject(site, "yank-a", new[] { (ResolutionWheels.Write(dist, "yank-a", "1.0"), ""), (ResolutionWheels.Write(dist, "yank-a", "2.0"), "data-yanked=\"broken build\"") });
        LoopbackIndex.WriteHtmlProject(site, "yank-b", new[] { (ResolutionWheels.Write(dist, "yank-b", "1.0"), ""), (ResolutionWheels.Write(dist, "yank-b", "2.0"), "data-yanked=\"\"") });
        LoopbackIndex.WriteHtmlProject(site, "yank-c", new[] { (ResolutionWheels.Write(dist, "yank-c", "1.0"), ""), (ResolutionWheels.Write(dist, "yank-c", "2.0"), "data-yanked") });
        LoopbackIndex.WriteHtmlProject(site, "rp-a", new[] { (ResolutionWheels.Write(dist, "rp-a", "1.0"), "data-requires-python=\"&gt;=3.8\""), (ResolutionWheels.Write(dist, "rp-a", "2.0"), "data-requires-python=\"&gt;=3.99\"") });
        using var index = new LoopbackIndex(site);

        var (ours, pip) = await BothAsync(python, new[] { "yank-a", "yank-b==2.0", "yank-c", "rp-a" }, indexUrl: index.SimpleUrl);

        // A bare data-yanked has no value for pip's HTML parser, so it yanks nothing.
        AssertSame(ours, pip, "yank-a==1.0", "yank-b==2.0", "yank-c==2.0", "rp-a==1.0");
    }

    [Theory]
    [InlineData("3.12")]
    public async Task A_wheel_whose_metadata_requires_another_python_gives_way_to_the_version_below(string python)
    {
        var links = work.Combine("links");
        ResolutionWheels.Write(links, "rp-b", "1.0", requiresPython: ">=3.8");
        ResolutionWheels.Write(links, "rp-b", "2.0", requiresPython: ">=3.99");
        ResolutionWheels.Write(links, "rp-c", "1.0", requires: new[] { "rp-b" });

        var (ours, pip) = await BothAsync(python, new[] { "rp-c" }, findLinks: links);

        AssertSame(ours, pip, "rp-b==1.0", "rp-c==1.0");
    }

    [Theory]
    [InlineData("3.12")]
    public async Task The_file_with_the_best_tag_is_chosen_among_a_versions_wheels(string python)
    {
        var links = work.Combine("links");
        var platform = venvs.Of(python).Tags[0];
        ResolutionWheels.Write(links, "tag-a", "1.0");
        ResolutionWheels.Write(links, "tag-a", "1.0", tag: platform);
        ResolutionWheels.Write(links, "tag-a", "1.0", tag: "cp39-cp39-win_amd64");
        ResolutionWheels.Write(links, "tag-b", "1.0");
        ResolutionWheels.Write(links, "tag-b", "2.0", tag: "cp39-cp39-win_amd64");
        ResolutionWheels.Write(links, "tag-c", "1.0");
        ResolutionWheels.Write(links, "tag-c", "1.0", buildTag: "1");
        // cp3XY-none-any is in the list pip ranks by, though not in its packaging's sys_tags().
        ResolutionWheels.Write(links, "tag-d", "1.0", tag: "cp" + python.Replace(".", "") + "-none-any");

        var (ours, pip) = await BothAsync(python, new[] { "tag-a", "tag-b", "tag-c", "tag-d" }, findLinks: links);

        AssertSame(ours, pip, "tag-a==1.0", "tag-b==1.0", "tag-c==1.0", "tag-d==1.0");
        Assert.Equal($"tag_a-1.0-{platform}.whl", ours.Distributions.Single(d => d.Name == "tag-a").FileName);
        Assert.Equal("tag_c-1.0-1-py3-none-any.whl", ours.Distributions.Single(d => d.Name == "tag-c").FileName);
    }

    [Theory]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public async Task Extras_and_markers_are_followed_as_pip_follows_them(string python)
    {
        var links = work.Combine("links");
        ResolutionWheels.Write(links, "ext-a", "1.0", extras: new[] { "fast" }, requires: new[] { "ext-b; extra == \"fast\"", "mk-win; sys_platform == \"win32\"", "mk-py3; python_version >= \"3\"" });
        ResolutionWheels.Write(links, "ext-b", "1.0");
        ResolutionWheels.Write(links, "ext-b", "2.0");
        ResolutionWheels.Write(links, "ext-c", "1.0", requires: new[] { "ext-a[fast]>=1.0" });
        ResolutionWheels.Write(links, "ext-d", "1.0", extras: new[] { "extra1" }, requires: new[] { "ext-e<2; extra == \"extra1\"" });
        ResolutionWheels.Write(links, "ext-e", "1.5");
        ResolutionWheels.Write(links, "ext-e", "2.5");
        ResolutionWheels.Write(links, "mk-win", "1.0");
        ResolutionWheels.Write(links, "mk-py3", "1.0");
        ResolutionWheels.Write(links, "mk-old", "1.0");

        var (ours, pip) = await BothAsync(python, new[] { "ext-c", "ext-d[extra1]>=1.0", "mk-old; python_version < \"3\"" }, findLinks: links);

        AssertSame(ours, pip, "ext-a==1.0", "ext-b==2.0", "ext-c==1.0", "ext-d==1.0", "ext-e==1.5", "mk-py3==1.0");
    }

    [Theory]
    [InlineData("3.12")]
    public async Task A_chain_of_dependencies_is_followed_and_constraints_narrow_it(string python)
    {
        var links = work.Combine("links");
        for (var i = 0; i < 6; i++)
        {
            var next = i < 5 ? new[] { $"ch-{i + 1}>=1.0" } : null;
            ResolutionWheels.Write(links, $"ch-{i}", "1.0", requires: next);
            ResolutionWheels.Write(links, $"ch-{i}", "2.0", requires: next);
        }

        ResolutionWheels.Write(links, "con-a", "1.0", requires: new[] { "con-b" });
        ResolutionWheels.Write(links, "con-b", "1.0");
        ResolutionWheels.Write(links, "con-b", "2.0");

        var (ours, pip) = await BothAsync(python, new[] { "ch-0", "con-a" }, constraints: new[] { "ch-3<2.0", "con-b<2", "unused-project==1.0" }, findLinks: links);

        AssertSame(ours, pip, "ch-0==2.0", "ch-1==2.0", "ch-2==2.0", "ch-3==1.0", "ch-4==2.0", "ch-5==2.0", "con-a==1.0", "con-b==1.0");
    }

    [Theory]
    [InlineData("3.12")]
    [InlineData(DebianPython)]
    public async Task Setuptools_is_chosen_last_by_pip_23_0_and_first_among_the_lines_after(string python)
    {
        var links = work.Combine("links");
        ResolutionWheels.Write(links, "setuptools", "59.0");
        ResolutionWheels.Write(links, "setuptools", "70.0");
        ResolutionWheels.Write(links, "st-user", "1.0", requires: new[] { "setuptools<60" });

        var (ours, pip) = await BothAsync(python, new[] { "setuptools", "st-user" }, findLinks: links);

        if (python == DebianPython)
        {
            // pip 23.0 takes st-user first, so setuptools<60 is known when it comes to setuptools: no backtracking.
            AssertSame(ours, pip, "setuptools==59.0", "st-user==1.0");
            return;
        }

        // pip 23.2 takes setuptools first (the first line) and backtracks from 70.0 when st-user rejects it.
        Assert.Equal(new[] { "setuptools==59.0", "st-user==1.0" }, pip.Installs.Select(i => i.Pin).OrderBy(p => p));
        Assert.Equal("setuptools 70.0 was chosen, but st-user 1.0 requires setuptools<60: that needs pip's backtracking", ours.PipMustDecideReason);
    }

    [Theory]
    [InlineData("3.12")]
    [InlineData("3.13")]
    [InlineData(DebianPython)]
    public async Task A_requirement_found_later_that_rejects_a_choice_already_made_is_left_to_pip(string python)
    {
        var links = work.Combine("links");
        ResolutionWheels.Write(links, "bt-x", "1.0", requires: new[] { "bt-c" });
        ResolutionWheels.Write(links, "bt-y", "1.0", requires: new[] { "bt-z" });
        ResolutionWheels.Write(links, "bt-z", "1.0", requires: new[] { "bt-c<2" });
        ResolutionWheels.Write(links, "bt-c", "1.0");
        ResolutionWheels.Write(links, "bt-c", "2.0");

        var (ours, pip) = await BothAsync(python, new[] { "bt-x", "bt-y" }, findLinks: links);

        Assert.True(pip.Succeeded, pip.ToString());
        Assert.Equal(ResolutionKind.PipMustDecide, ours.Kind);
        Assert.Equal("bt-c 2.0 was chosen, but bt-z 1.0 requires bt-c<2: that needs pip's backtracking", ours.PipMustDecideReason);
    }

    [Theory]
    [InlineData("3.12")]
    [InlineData(DebianPython)]
    public async Task A_json_index_with_metadata_files_is_read_without_a_wheel_on_this_machine(string python)
    {
        var dist = work.Combine("dist");
        var site = work.Combine("site");
        var files = new List<object>();
        void Project(string project, params (string Wheel, object? Yanked)[] wheels)
        {
            var entries = wheels.Select(w =>
            {
                var name = Path.GetFileName(w.Wheel);
                File.Copy(w.Wheel, Path.Combine(Directory.CreateDirectory(Path.Combine(site, "files")).FullName, name));
                File.WriteAllText(Path.Combine(site, "files", name + ".metadata"), ResolutionWheels.MetadataOf(w.Wheel));
                return new Dictionary<string, object?>
                {
                    ["filename"] = name,
                    ["url"] = "../../files/" + name,
                    ["hashes"] = new Dictionary<string, string> { ["sha256"] = ResolutionWheels.Sha256Of(w.Wheel) },
                    ["yanked"] = w.Yanked ?? false,
                    ["core-metadata"] = new Dictionary<string, string> { ["sha256"] = ResolutionWheels.Sha256Of(Path.Combine(site, "files", name + ".metadata")) },
                };
            }).ToList();
            var folder = Directory.CreateDirectory(Path.Combine(site, "simple", project)).FullName;
            File.WriteAllText(Path.Combine(folder, "index.json"), JsonSerializer.Serialize(new Dictionary<string, object> { ["meta"] = new { api_version = "1.0" }, ["name"] = project, ["files"] = entries }).Replace("api_version", "api-version"));
        }

        Project("json-a", (ResolutionWheels.Write(dist, "json-a", "1.0"), null), (ResolutionWheels.Write(dist, "json-a", "2.0", requires: new[] { "json-b" }), null));
        Project("json-b", (ResolutionWheels.Write(dist, "json-b", "1.0"), null), (ResolutionWheels.Write(dist, "json-b", "1.1"), null), (ResolutionWheels.Write(dist, "json-b", "1.2"), true));
        Directory.Delete(dist, recursive: true);
        using var index = new LoopbackIndex(site);

        var (ours, pip) = await BothAsync(python, new[] { "json-a" }, indexUrl: index.SimpleUrl);

        AssertSame(ours, pip, "json-a==2.0", "json-b==1.1");
        Assert.Equal(index.FilesUrl + "json_b-1.1-py3-none-any.whl", ours.Distributions.Single(d => d.Name == "json-b").Location);
    }

    // The interpreter every account of a served root can run, whose venvs get Debian's pip 23.0.1.
    private const string DebianPython = "/usr/bin/python3";

    private async Task<(ResolutionOutcome Ours, PipChoice Pip)> BothAsync(string python, string[] lines, string[]? constraints = null, string? findLinks = null, string? indexUrl = null)
    {
        var venv = venvs.Of(python);
        var requirementsFile = work.Combine("requirements.txt");
        File.WriteAllLines(requirementsFile, lines);
        var arguments = new List<string> { "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-cache-dir", "--quiet", "--report", work.Combine("report.json"), "-r", requirementsFile };
        if (constraints != null)
        {
            File.WriteAllLines(work.Combine("constraints.txt"), constraints);
            arguments.AddRange(new[] { "-c", work.Combine("constraints.txt") });
        }

        arguments.AddRange(indexUrl != null ? new[] { "--index-url", indexUrl } : new[] { "--no-index", "--find-links", findLinks! });
        var run = await SystemProcessRunner.Instance.RunAsync(venv.Python, arguments, null, CancellationToken.None, PythonEnvironment.Clean);
        var pip = run.ExitCode == 0 ? PipChoice.From(File.ReadAllText(work.Combine("report.json"))) : PipChoice.Failed(string.Join("\n", run.StandardError));

        using var fetcher = new HttpUrlFetcher(Array.Empty<string>());
        var sources = new CandidateSources(findLinks == null ? Array.Empty<string>() : new[] { findLinks }, indexUrl == null ? Array.Empty<string>() : new[] { indexUrl });
        var resolver = new GreedyResolver(new CandidateFinder(sources, fetcher, venv.Environment.Tags, venv.Environment.PythonVersion), new CandidateMetadataReader(fetcher), venv.Environment);
        var ours = await resolver.ResolveAsync(
            RequirementsParser.Parse(lines, AnyRequirementLine.Instance),
            constraints == null ? null : RequirementsParser.Parse(constraints, AnyRequirementLine.Instance),
            CancellationToken.None);
        return (ours, pip);
    }

    // Both chose, the same distributions from the same files, with the same requested flags; and it is the set expected.
    private static void AssertSame(ResolutionOutcome ours, PipChoice pip, params string[] expected)
    {
        Assert.True(pip.Succeeded, pip.ToString());
        Assert.True(ours.IsResolved, ours.ToString());
        Assert.Equal(pip.Installs.OrderBy(i => i.Pin), ours.Distributions.Select(d => (Pin: d.Name + "==" + d.Version, File: d.FileName!, d.Requested)).OrderBy(i => i.Pin));
        Assert.Equal(expected.OrderBy(e => e), pip.Installs.Select(i => i.Pin).OrderBy(p => p));
    }

    /// <summary>What pip's --report says it would install, or that it failed.</summary>
    public sealed class PipChoice
    {
        private PipChoice(IReadOnlyList<(string Pin, string File, bool Requested)> installs, string? failure)
        {
            Installs = installs;
            Failure = failure;
        }

        public IReadOnlyList<(string Pin, string File, bool Requested)> Installs { get; }

        public string? Failure { get; }

        public bool Succeeded => Failure == null;

        public static PipChoice From(string report) => new(
            JsonDocument.Parse(report).RootElement.GetProperty("install").EnumerateArray().Select(i => (
                PackageName.Normalize(i.GetProperty("metadata").GetProperty("name").GetString()!) + "==" + PackageVersion.Parse(i.GetProperty("metadata").GetProperty("version").GetString()!),
                Uri.UnescapeDataString(i.GetProperty("download_info").GetProperty("url").GetString()!.Split('/').Last()),
                i.GetProperty("requested").GetBoolean())).ToList(),
            null);

        public static PipChoice Failed(string error) => new(Array.Empty<(string, string, bool)>(), error);

        public override string ToString() => Succeeded ? "pip chose " + string.Join(", ", Installs) : "pip failed: " + Failure;
    }

    /// <summary>A venv of Python 3.12 (pip 23.2.1), one of 3.13 (pip 24.2) and one of Debian's 3.11 (pip 23.0.1), made once for the class, with what the resolver needs of each.</summary>
    public sealed class Venvs : IDisposable
    {
        private readonly TempFolder folder = new();
        private readonly Dictionary<string, (string Python, ResolverEnvironment Environment, IReadOnlyList<string> Tags)> made;

        public Venvs()
        {
            made = Task.WhenAll(new[] { "3.12", "3.13", DebianPython }.Select(MakeAsync)).GetAwaiter().GetResult().ToDictionary(m => m.Version, m => (m.Python, m.Environment, m.Tags));
        }

        public (string Python, ResolverEnvironment Environment, IReadOnlyList<string> Tags) Of(string version) => made[version];

        public void Dispose() => folder.Dispose();

        private async Task<(string Version, string Python, ResolverEnvironment Environment, IReadOnlyList<string> Tags)> MakeAsync(string version)
        {
            var venv = folder.Combine("venv-" + (version == DebianPython ? "debian" : version));
            var interpreter = version == DebianPython ? DebianPython : Interpreters.Require(version).Path;
            await Task.Run(() => OracleVenv.Make(interpreter, venv));
            var python = Path.Combine(venv, "bin", "python");
            var tags = await SupportedTagsProbe.ProbeAsync(SystemProcessRunner.Instance, python, CancellationToken.None);
            return (version, python, await ResolverEnvironment.ForVenvAsync(SystemProcessRunner.Instance, python, null, CancellationToken.None), tags.Tags);
        }
    }
}
