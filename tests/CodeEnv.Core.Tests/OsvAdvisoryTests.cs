using CodeEnv.Advisories;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>Advisories read from the OSV format as PyPI's database and GHSA write it: leniently, field by field.</summary>
public class OsvAdvisoryTests
{
    [Fact]
    public void An_advisory_gives_its_id_aliases_summary_severity_and_its_PyPI_package_normalized()
    {
        var advisory = OsvAdvisory.TryParse(OsvExport.Advisory("GHSA-aaaa-bbbb-cccc", "Jinja2", new[] { "introduced:0", "fixed:3.1.5" }, aliases: new[] { "CVE-2024-56201", "PYSEC-2024-1" }, severity: "MODERATE"), out var problem)!;

        Assert.Null(problem);
        Assert.Equal("GHSA-aaaa-bbbb-cccc", advisory.Id);
        Assert.Equal(new[] { "CVE-2024-56201", "PYSEC-2024-1" }, advisory.Aliases);
        Assert.Equal("Jinja2 lets a crafted request run code", advisory.Summary);
        Assert.Equal("MODERATE", advisory.SeverityWord);
        Assert.Equal(new[] { "CVSS_V3: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }, advisory.SeverityScores);
        Assert.Equal("jinja2", advisory.PyPI.Single().PackageName);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero), advisory.Modified);
    }

    [Fact]
    public void A_withdrawn_advisory_says_when()
    {
        var advisory = OsvAdvisory.TryParse(OsvExport.Advisory("PYSEC-2099-9", "alpha", new[] { "introduced:0" }, withdrawn: "2026-11-03T00:00:00Z"), out _)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), advisory.Withdrawn);
    }

    [Fact]
    public void Fields_of_the_wrong_shape_are_left_out_instead_of_failing_the_advisory()
    {
        var advisory = OsvAdvisory.TryParse("""{"id":"X-1","aliases":"CVE-1","summary":7,"details":"First line.\nMore.","affected":[{"package":{"ecosystem":"PyPI","name":"a.b_c"},"ranges":{"type":"ECOSYSTEM"}},{"package":"npm"}]}""", out var problem)!;

        Assert.Null(problem);
        Assert.Empty(advisory.Aliases);
        Assert.Equal("First line.", advisory.Summary);
        Assert.Equal("a-b-c", advisory.Affected.Single().PackageName);
        Assert.Empty(advisory.Affected.Single().Ranges);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[1,2]", "no \"id\"")]
    [InlineData("""{"summary":"no id"}""", "no \"id\"")]
    public void Text_that_is_not_an_advisory_says_why(string text, string why)
    {
        Assert.Null(OsvAdvisory.TryParse(text, out var problem));
        Assert.Contains(why, problem);
    }

    [Fact]
    public void Packages_of_other_ecosystems_are_not_PyPI_ones()
    {
        var advisory = OsvAdvisory.TryParse("""{"id":"X-2","affected":[{"package":{"ecosystem":"npm","name":"alpha"}}]}""", out _)!;

        Assert.Empty(advisory.PyPI);
    }
}
