using System.Text;
using CodeEnv.Resolution;

namespace CodeEnv.Core.Tests;

/// <summary>Simple-index pages read as pip reads them, HTML (PEP 503) and JSON (PEP 691): no process, no server.</summary>
public class IndexPageTests
{
    private static readonly Uri Page = new("https://index.example/simple/alpha/");

    [Fact]
    public void An_html_link_gives_its_absolute_url_hash_requires_python_yanked_reason_and_metadata()
    {
        var link = Html("<a href=\"../../files/alpha-1.0-py3-none-any.whl#sha256=ABC123\" data-requires-python=\"&gt;=3.8\" data-yanked=\"bad build\" data-core-metadata=\"sha256=DEF\">alpha</a>").Single();

        Assert.Equal("https://index.example/files/alpha-1.0-py3-none-any.whl", link.Url.AbsoluteUri);
        Assert.Equal(("alpha-1.0-py3-none-any.whl", "abc123", ">=3.8", "bad build"), (link.FileName, link.Sha256, link.RequiresPython, link.YankedReason));
        Assert.Equal((true, "def"), (link.HasCoreMetadata, link.CoreMetadataSha256));
    }

    [Fact]
    public void A_bare_data_yanked_yanks_nothing_and_an_empty_one_yanks_as_pip_reads_them()
    {
        var links = Html("<a href=\"a-1.0.tar.gz\" data-yanked>1</a><a href='a-2.0.tar.gz' data-yanked=''>2</a>");

        Assert.Equal(new string?[] { null, "" }, links.Select(l => l.YankedReason));
    }

    [Fact]
    public void The_older_metadata_attribute_counts_and_a_base_href_moves_relative_links()
    {
        var link = Html("<base href=\"https://mirror.example/pool/\"><a href=\"alpha-1.0-py3-none-any.whl\" data-dist-info-metadata=\"true\">alpha</a>").Single();

        Assert.Equal("https://mirror.example/pool/alpha-1.0-py3-none-any.whl", link.Url.AbsoluteUri);
        Assert.Equal((true, null), (link.HasCoreMetadata, link.CoreMetadataSha256));
    }

    [Fact]
    public void A_json_page_gives_the_same_fields_and_yanked_false_or_empty_yanks_nothing()
    {
        var links = IndexPage.Parse(new FetchedUrl(Page, "application/vnd.pypi.simple.v1+json", Encoding.UTF8.GetBytes("""
            {"meta": {"api-version": "1.1"}, "name": "alpha", "files": [
              {"filename": "alpha-1.0-py3-none-any.whl", "url": "/files/alpha-1.0-py3-none-any.whl", "hashes": {"sha256": "AA"}, "requires-python": ">=3.9", "yanked": true, "core-metadata": {"sha256": "BB"}},
              {"filename": "alpha-1.1.tar.gz", "url": "https://cdn.example/alpha-1.1.tar.gz", "hashes": {}, "yanked": "", "dist-info-metadata": true},
              {"filename": "alpha-1.2.tar.gz", "url": "alpha-1.2.tar.gz", "yanked": false}
            ]}
            """)));

        Assert.Equal(new[] { "https://index.example/files/alpha-1.0-py3-none-any.whl", "https://cdn.example/alpha-1.1.tar.gz", "https://index.example/simple/alpha/alpha-1.2.tar.gz" }, links.Select(l => l.Url.AbsoluteUri));
        Assert.Equal(("aa", ">=3.9", "", "bb"), (links[0].Sha256, links[0].RequiresPython, links[0].YankedReason, links[0].CoreMetadataSha256));
        Assert.Equal(new string?[] { "", null, null }, links.Select(l => l.YankedReason));
        Assert.Equal(new[] { true, true, false }, links.Select(l => l.HasCoreMetadata));
    }

    [Fact]
    public void A_page_of_another_type_has_no_links()
    {
        Assert.Empty(IndexPage.Parse(new FetchedUrl(Page, "text/plain", Encoding.UTF8.GetBytes("<a href=\"alpha-1.0.tar.gz\">x</a>"))));
    }

    private static IReadOnlyList<IndexLink> Html(string body) => IndexPage.Parse(new FetchedUrl(Page, "text/html", Encoding.UTF8.GetBytes(body)));
}
