using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Resolution;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The root's rules of where packages come from, decided without a process: how names match rules and deny-list
/// entries, and what the resolver and the check of pip's choices make of two real indexes on loopback, an internal one
/// with acme-core 1.0 and a public one that squats the name with acme-core 99.0 (IndexRulesOracleTests runs pip and
/// envs against the same layout).
/// </summary>
public sealed class IndexRulesTests : IClassFixture<IndexRulesTests.TwoIndexes>
{
    private static readonly Dictionary<string, string> Linux312 = new()
    {
        ["implementation_name"] = "cpython", ["implementation_version"] = "3.12.1", ["os_name"] = "posix", ["platform_machine"] = "x86_64",
        ["platform_release"] = "6.1.0", ["platform_system"] = "Linux", ["platform_version"] = "#1 SMP", ["python_full_version"] = "3.12.1",
        ["platform_python_implementation"] = "CPython", ["python_version"] = "3.12", ["sys_platform"] = "linux", ["extra"] = "",
    };

    private readonly TwoIndexes indexes;

    public IndexRulesTests(TwoIndexes indexes) => this.indexes = indexes;

    [Theory]
    [InlineData("acme-*", "Acme_Core", true)]
    [InlineData("acme.core", "ACME-core", true)]
    [InlineData("acme-?ore", "acme.core", true)]
    [InlineData("acme-*", "acmecore", false)]
    [InlineData("acme", "acme-core", false)]
    public void A_name_pattern_matches_names_as_PEP_503_normalizes_them(string pattern, string name, bool matches) =>
        Assert.Equal(matches, NamePattern.TryParse(pattern, out _)!.Matches(name));

    [Theory]
    [InlineData("")]
    [InlineData("acme core")]
    [InlineData("acme/*")]
    public void A_pattern_that_is_no_name_is_refused_with_the_reason(string pattern)
    {
        Assert.Null(NamePattern.TryParse(pattern, out var problem));
        Assert.Contains("not a package name or a pattern of names", problem);
    }

    [Fact]
    public void The_first_index_rule_whose_pattern_matches_a_name_pins_it()
    {
        var pins = new IndexPins(new[]
        {
            new IndexRule { Pattern = "acme-public-*", Index = "https://pypi.org/simple" },
            new IndexRule { Pattern = "acme-*", Index = "https://pypi.internal/simple" },
        });

        Assert.Equal("https://pypi.org/simple", pins.PinOf("Acme_Public_Docs")!.Index);
        Assert.Equal("https://pypi.internal/simple", pins.PinOf("acme-core")!.Index);
        Assert.Null(pins.PinOf("requests"));
    }

    [Fact]
    public void A_rule_names_its_index_whatever_its_credentials_trailing_slash_or_host_case()
    {
        Assert.True(IndexPins.SameIndex("https://ci:***@PyPI.Internal/simple/", "https://pypi.internal/simple"));
        Assert.False(IndexPins.SameIndex("https://pypi.internal/simple", "https://pypi.internal/other"));
    }

    [Fact]
    public void A_deny_list_entry_with_a_version_specifier_denies_only_those_versions_and_is_named_with_its_reason()
    {
        var denied = new DenyList(new[] { new DeniedPackage("requests==2.0 # CVE-2023-32681"), new DeniedPackage("evil-*") });

        Assert.Null(denied.Denying("requests", "2.31.0"));
        Assert.Equal("CVE-2023-32681", denied.Denying("Requests", "2.0")!.Reason);
        Assert.Equal("evil-*", denied.Denying("Evil_Thing", "1.0")!.Package);
        var refusal = Assert.Throws<CodeEnvException>(() => denied.RequireAllowed(new[] { ("six", "1.0"), ("requests", "2.0") }, "nothing was installed."));
        Assert.Equal(ErrorIds.PackageDenied.Id, refusal.ErrorId);
        Assert.Equal("requests 2.0 is on the root's deny list (entry 'requests==2.0': CVE-2023-32681), and nothing was installed.", refusal.Message);
    }

    [Fact]
    public void A_line_is_refused_when_it_requests_a_name_denied_in_every_version_and_not_for_a_narrower_entry()
    {
        var denied = new DenyList(new[] { new DeniedPackage("requests==2.0"), new DeniedPackage("evil-* # typosquats") });

        denied.RequireAllowed(RequirementsParser.Parse(new[] { "requests" }, AnyRequirementLine.Instance));
        var refusal = Assert.Throws<CodeEnvException>(() => denied.RequireAllowed(RequirementsParser.Parse(new[] { "six", "Evil.Pkg>=1" }, AnyRequirementLine.Instance)));
        Assert.StartsWith("line 2: 'Evil.Pkg>=1' requests Evil.Pkg, which the root's deny list denies (entry 'evil-*': typosquats).", refusal.Message);
    }

    [Fact]
    public async Task With_pips_BestVersion_the_squatting_public_index_outbids_the_internal_one()
    {
        var outcome = await ResolveAsync(IndexStrategy.BestVersion, null, "acme-core");

        Assert.Equal("acme-core==99.0", outcome.Distributions.Single().ToString());
    }

    [Fact]
    public async Task FirstIndex_takes_a_name_from_the_first_index_that_lists_it()
    {
        var outcome = await ResolveAsync(IndexStrategy.FirstIndex, null, "acme-core");

        var chosen = outcome.Distributions.Single();
        Assert.Equal("acme-core==1.0", chosen.ToString());
        Assert.StartsWith(indexes.Internal.FilesUrl, chosen.Location);
    }

    [Fact]
    public async Task FirstIndex_still_takes_from_a_later_index_a_name_only_it_lists()
    {
        var outcome = await ResolveAsync(IndexStrategy.FirstIndex, null, "six");

        Assert.Equal("six==1.16", outcome.Distributions.Single().ToString());
    }

    [Fact]
    public async Task A_pinned_name_is_looked_for_on_its_index_only_so_one_only_another_index_lists_is_not_found()
    {
        var pin = new IndexRule { Pattern = "acme-*", Index = indexes.Internal.SimpleUrl };

        var core = await ResolveAsync(IndexStrategy.BestVersion, pin, "acme-core");
        var tools = await ResolveAsync(IndexStrategy.BestVersion, pin, "acme-tools");

        Assert.Equal("acme-core==1.0", core.Distributions.Single().ToString());
        Assert.False(tools.IsResolved);
        Assert.Contains("no file of acme-tools here", tools.PipMustDecideReason);
    }

    [Fact]
    public async Task Pips_choice_of_the_squatter_is_refused_under_FirstIndex_naming_the_package_the_index_and_the_strategy()
    {
        var refusal = await Assert.ThrowsAsync<CodeEnvException>(() => CheckAsync(IndexStrategy.FirstIndex, null, indexes.SquatterWheel));

        Assert.Equal(ErrorIds.IndexRuleViolated.Id, refusal.ErrorId);
        Assert.StartsWith($"pip chose acme-core 99.0 from the index '{indexes.Public.SimpleUrl}', but the root's IndexStrategy FirstIndex takes acme-core only from '{indexes.Internal.SimpleUrl}', the first index that lists it", refusal.Message);
        Assert.Contains($"Set-CodeEnvRoot -IndexRule @{{ Pattern = 'acme-core'; Index = '{indexes.Public.SimpleUrl}' }}", refusal.Message);
    }

    [Fact]
    public async Task Pips_choice_of_a_pinned_name_from_another_index_is_refused_naming_the_rule()
    {
        var pin = new IndexRule { Pattern = "acme-*", Index = indexes.Internal.SimpleUrl };

        var refusal = await Assert.ThrowsAsync<CodeEnvException>(() => CheckAsync(IndexStrategy.BestVersion, pin, indexes.SquatterWheel));

        Assert.StartsWith($"pip chose acme-core 99.0 from the index '{indexes.Public.SimpleUrl}', but the root's index rule 'acme-* -> {indexes.Internal.SimpleUrl}' takes acme-core from '{indexes.Internal.SimpleUrl}' only.", refusal.Message);
    }

    [Fact]
    public async Task Pips_choice_passes_where_the_rules_allow_it()
    {
        await CheckAsync(IndexStrategy.BestVersion, null, indexes.SquatterWheel);
        await CheckAsync(IndexStrategy.FirstIndex, new IndexRule { Pattern = "acme-*", Index = indexes.Internal.SimpleUrl }, indexes.InternalWheel);
    }

    private Task CheckAsync(IndexStrategy strategy, IndexRule? pin, (string Url, string Sha256) file)
    {
        var fetcher = new HttpUrlFetcher(Array.Empty<string>());
        return new IndexOriginCheck(Sources(strategy, pin), fetcher).RequireAllowedAsync(new[] { ("acme-core", file.Url.Contains("99.0") ? "99.0" : "1.0", file.Url, (string?)file.Sha256) }, "pip", CancellationToken.None);
    }

    private Task<ResolutionOutcome> ResolveAsync(IndexStrategy strategy, IndexRule? pin, string line)
    {
        var environment = new ResolverEnvironment(Linux312, new SupportedTags(new[] { "py3-none-any" }), PipBehavior.Of("24.2"));
        var fetcher = new HttpUrlFetcher(Array.Empty<string>());
        var resolver = new GreedyResolver(new CandidateFinder(Sources(strategy, pin), fetcher, environment.Tags, environment.PythonVersion), new CandidateMetadataReader(fetcher), environment);
        return resolver.ResolveAsync(RequirementsParser.Parse(new[] { line }, AnyRequirementLine.Instance), null, CancellationToken.None);
    }

    private CandidateSources Sources(IndexStrategy strategy, IndexRule? pin) =>
        new(Array.Empty<string>(), new[] { indexes.Internal.SimpleUrl, indexes.Public.SimpleUrl }, null, strategy, pin == null ? null : new[] { pin });

    /// <summary>An internal index with acme-core 1.0 and acme-app 1.0 (which requires acme-core and leftpad), and a public one with acme-core 99.0 (squatting), acme-tools 2.0, leftpad 1.0 and six 1.16, on loopback.</summary>
    public sealed class TwoIndexes : IDisposable
    {
        private readonly TempFolder work = new();

        public TwoIndexes()
        {
            var dist = work.Combine("dist");
            var (internalSite, publicSite) = (work.Combine("internal"), work.Combine("public"));
            var internalWheel = ResolutionWheels.Write(Path.Combine(dist, "internal"), "acme-core", "1.0");
            var squatter = ResolutionWheels.Write(Path.Combine(dist, "public"), "acme-core", "99.0");
            LoopbackIndex.WriteHtmlProject(internalSite, "acme-core", new[] { (internalWheel, "") });
            LoopbackIndex.WriteHtmlProject(publicSite, "acme-core", new[] { (squatter, "") });
            LoopbackIndex.WriteHtmlProject(publicSite, "acme-tools", new[] { (ResolutionWheels.Write(Path.Combine(dist, "public"), "acme-tools", "2.0"), "") });
            LoopbackIndex.WriteHtmlProject(publicSite, "six", new[] { (ResolutionWheels.Write(Path.Combine(dist, "public"), "six", "1.16"), "") });
            LoopbackIndex.WriteHtmlProject(internalSite, "acme-app", new[] { (ResolutionWheels.Write(Path.Combine(dist, "internal"), "acme-app", "1.0", requires: new[] { "acme-core", "leftpad" }), "") });
            LoopbackIndex.WriteHtmlProject(publicSite, "leftpad", new[] { (ResolutionWheels.Write(Path.Combine(dist, "public"), "leftpad", "1.0"), "") });
            Internal = new LoopbackIndex(internalSite);
            Public = new LoopbackIndex(publicSite);
            InternalWheel = (Internal.FilesUrl + Path.GetFileName(internalWheel), ResolutionWheels.Sha256Of(internalWheel));
            SquatterWheel = (Public.FilesUrl + Path.GetFileName(squatter), ResolutionWheels.Sha256Of(squatter));
        }

        internal LoopbackIndex Internal { get; }

        internal LoopbackIndex Public { get; }

        /// <summary>acme-core 1.0's URL on the internal index and its sha256, as pip's report names a file.</summary>
        public (string Url, string Sha256) InternalWheel { get; }

        public (string Url, string Sha256) SquatterWheel { get; }

        public void Dispose()
        {
            Internal.Dispose();
            Public.Dispose();
            work.Dispose();
        }
    }
}
