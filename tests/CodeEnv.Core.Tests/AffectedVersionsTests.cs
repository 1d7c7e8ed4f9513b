using CodeEnv.Advisories;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// Whether an installed version is affected, and the fix that ends its affected stretch, as the OSV schema evaluates
/// ECOSYSTEM ranges and versions lists, with CodeEnv's PEP 440 order.
/// </summary>
public class AffectedVersionsTests
{
    private static OsvAffected Entry(string[] events, string[]? versions = null, string type = "ECOSYSTEM")
    {
        var entry = OsvAdvisory.TryParse(OsvExport.Advisory("GHSA-test", "Alpha_Pkg", events, versions), out _)!.Affected.Single();
        return new OsvAffected(entry.Ecosystem, entry.PackageName, entry.Ranges.Select(r => new OsvRange(type, r.Events)).ToList(), entry.Versions, entry.Severity);
    }

    private static (bool Affected, string? FirstFixed) Evaluate(string installed, string[] events, string[]? versions = null)
    {
        var match = AffectedVersions.Evaluate(Entry(events, versions), installed, "GHSA-test", new List<string>());
        return (match != null, match?.FirstFixed?.ToString());
    }

    [Theory]
    [InlineData("1.0", true, "2.0")]
    [InlineData("1.9.9", true, "2.0")]
    [InlineData("2.0rc1", true, "2.0")]
    [InlineData("2.0", false, null)]
    [InlineData("2.0.post1", false, null)]
    [InlineData("3.0", false, null)]
    public void Introduced_0_and_fixed_affects_every_version_below_the_fix(string installed, bool affected, string? fix)
    {
        Assert.Equal((affected, fix), Evaluate(installed, new[] { "introduced:0", "fixed:2.0" }));
    }

    [Theory]
    [InlineData("1.0", false)]
    [InlineData("1.2", true)]
    [InlineData("1.4", true)]
    [InlineData("1.4.1", false)]
    public void Last_affected_ends_the_stretch_just_after_its_version_with_no_fix_named(string installed, bool affected)
    {
        var (isAffected, fix) = Evaluate(installed, new[] { "introduced:1.2", "last_affected:1.4" });

        Assert.Equal(affected, isAffected);
        Assert.Null(fix);
    }

    [Theory]
    [InlineData("0.9", false, null)]
    [InlineData("1.0", true, "1.1.3")]
    [InlineData("1.1.3", false, null)]
    [InlineData("1.5", false, null)]
    [InlineData("2.0", true, "2.0.4")]
    [InlineData("2.0.4", false, null)]
    public void Several_introduced_and_fixed_events_are_several_stretches_each_with_its_own_fix(string installed, bool affected, string? fix)
    {
        // Out of order on purpose: the schema orders events by version, whatever order an advisory writes them in.
        Assert.Equal((affected, fix), Evaluate(installed, new[] { "introduced:2.0", "fixed:1.1.3", "introduced:1.0", "fixed:2.0.4" }));
    }

    [Fact]
    public void Versions_are_compared_by_PEP_440_not_as_text()
    {
        Assert.Equal((true, "1.10"), Evaluate("1.9", new[] { "introduced:0", "fixed:1.10" }));
        Assert.Equal((false, null), Evaluate("1.0.0", new[] { "introduced:0", "fixed:1.0" }));
    }

    [Fact]
    public void A_version_the_versions_list_names_is_affected_whatever_the_ranges_say()
    {
        Assert.Equal((true, null), Evaluate("3.0.0", new[] { "introduced:0", "fixed:2.0" }, versions: new[] { "3.0" }));
        Assert.Equal((false, null), Evaluate("3.1", new[] { "introduced:0", "fixed:2.0" }, versions: new[] { "3.0" }));
    }

    [Fact]
    public void Ranges_that_are_not_ECOSYSTEM_are_read_only_through_the_versions_list()
    {
        var git = Entry(new[] { "introduced:0", "fixed:abc123" }, new[] { "1.0" }, type: "GIT");

        Assert.NotNull(AffectedVersions.Evaluate(git, "1.0", "GHSA-test", new List<string>()));
        Assert.Null(AffectedVersions.Evaluate(git, "1.1", "GHSA-test", new List<string>()));
    }

    [Fact]
    public void A_range_with_a_version_that_is_not_PEP_440_is_skipped_and_said()
    {
        var problems = new List<string>();

        var match = AffectedVersions.Evaluate(Entry(new[] { "introduced:0", "fixed:2.0-final-build!7" }), "1.0", "GHSA-test", problems);

        Assert.Null(match);
        Assert.Contains("GHSA-test: '2.0-final-build!7' in a range of alpha-pkg is not a PEP 440 version; that range was skipped.", problems);
    }

    [Fact]
    public void An_installed_version_that_is_not_PEP_440_is_checked_against_the_versions_list_only_and_said()
    {
        var problems = new List<string>();

        var match = AffectedVersions.Evaluate(Entry(new[] { "introduced:0", "fixed:2.0" }, new[] { "1.0-custom" }), "1.0-custom", "GHSA-test", problems);

        Assert.NotNull(match);
        Assert.Contains("not a PEP 440 version", Assert.Single(problems));
    }

    [Fact]
    public void Every_fix_of_the_entry_is_listed_lowest_first()
    {
        var match = AffectedVersions.Evaluate(Entry(new[] { "introduced:2.0", "fixed:2.0.4", "introduced:1.0", "fixed:1.10" }), "1.2", "GHSA-test", new List<string>());

        Assert.Equal(new[] { "1.10", "2.0.4" }, match!.FixedVersions);
    }
}
