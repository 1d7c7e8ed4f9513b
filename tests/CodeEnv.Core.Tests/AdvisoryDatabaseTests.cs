using System.IO.Compression;
using CodeEnv.Advisories;
using CodeEnv.Errors;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The offline advisory database: an import checks OSV's export zip whole, keeps one file of advisories per package
/// name, says how recent it is, and replaces the database before in one step; a bad zip changes nothing.
/// </summary>
public class AdvisoryDatabaseTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TestRoot root = new();

    private AdvisoryDatabaseInfo Import(params string[] advisories) =>
        AdvisoryDatabase.Import(root.Paths, OsvExport.Write(root.Scratch("osv-" + Guid.NewGuid().ToString("N") + ".zip"), advisories), Now, "admin", CancellationToken.None);

    [Fact]
    public void An_import_counts_what_it_kept_and_dates_the_database_by_its_newest_advisory()
    {
        var info = Import(
            OsvExport.Advisory("GHSA-1", "alpha", new[] { "introduced:0", "fixed:2.0" }, modified: "2026-10-01T00:00:00Z"),
            OsvExport.Advisory("GHSA-2", "Beta", new[] { "introduced:0", "fixed:1.5" }, modified: "2026-11-20T12:00:00Z"),
            OsvExport.Advisory("GHSA-3", "alpha", new[] { "introduced:0" }, withdrawn: "2026-11-21T00:00:00Z"));

        Assert.Equal((2, 2, 1), (info.Advisories, info.Packages, info.Withdrawn));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), info.MadeAt);
        Assert.Equal(("admin", Now), (info.ImportedBy, info.ImportedAt));
        Assert.Equal(64, info.Sha256.Length);
    }

    [Fact]
    public void Advisories_are_kept_one_file_per_normalized_package_name_and_read_by_any_spelling()
    {
        Import(
            OsvExport.Advisory("GHSA-1", "Zope.Interface", new[] { "introduced:0", "fixed:2.0" }),
            OsvExport.Advisory("GHSA-2", "alpha", new[] { "introduced:0", "fixed:1.5" }));

        var database = AdvisoryDatabase.Open(root.Paths)!;

        Assert.Equal("GHSA-1", database.For("zope_interface").Single().Id);
        Assert.Empty(database.For("beta"));
        var files = Directory.GetFiles(AdvisoryDatabase.Folder(root.Paths), "*.json", SearchOption.AllDirectories).Select(Path.GetFileName);
        Assert.Contains("zope-interface.json", files);
        Assert.Contains("alpha.json", files);
    }

    [Fact]
    public void A_second_import_replaces_the_first_and_the_one_before_it_is_swept()
    {
        Import(OsvExport.Advisory("GHSA-1", "alpha", new[] { "introduced:0", "fixed:2.0" }));
        Import(OsvExport.Advisory("GHSA-2", "alpha", new[] { "introduced:0", "fixed:3.0" }));
        Import(OsvExport.Advisory("GHSA-3", "alpha", new[] { "introduced:0", "fixed:4.0" }));

        Assert.Equal("GHSA-3", AdvisoryDatabase.Open(root.Paths)!.For("alpha").Single().Id);
        // The current one, and the one it replaced (an audit that opened it may still be reading it).
        Assert.Equal(2, Directory.GetDirectories(AdvisoryDatabase.Folder(root.Paths)).Length);
    }

    [Fact]
    public void No_database_reads_as_none()
    {
        Assert.Null(AdvisoryDatabase.Open(root.Paths));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_and_the_database_before_stays()
    {
        Import(OsvExport.Advisory("GHSA-1", "alpha", new[] { "introduced:0", "fixed:2.0" }));
        var notZip = root.Scratch("not.zip");
        File.WriteAllText(notZip, "PK? no");

        var error = Assert.Throws<CodeEnvException>(() => AdvisoryDatabase.Import(root.Paths, notZip, Now, "admin", CancellationToken.None));

        Assert.Equal(ErrorIds.AdvisoryDatabaseInvalid.Id, error.ErrorId);
        Assert.Contains("not a zip file", error.Message);
        Assert.Equal("GHSA-1", AdvisoryDatabase.Open(root.Paths)!.For("alpha").Single().Id);
        Assert.Empty(Directory.GetDirectories(AdvisoryDatabase.Folder(root.Paths), ".*"));
    }

    [Fact]
    public void An_entry_that_is_not_an_advisory_refuses_the_whole_zip_naming_the_entry()
    {
        var zip = OsvExport.Write(root.Scratch("osv.zip"), OsvExport.Advisory("GHSA-1", "alpha", new[] { "introduced:0", "fixed:2.0" }));
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        using (var writer = new StreamWriter(archive.CreateEntry("broken.json").Open()))
        {
            writer.Write("{\"summary\": \"no id\"}");
        }

        var error = Assert.Throws<CodeEnvException>(() => AdvisoryDatabase.Import(root.Paths, zip, Now, "admin", CancellationToken.None));

        Assert.Contains("'broken.json' is not an OSV advisory", error.Message);
        Assert.Null(AdvisoryDatabase.Open(root.Paths));
    }

    [Fact]
    public void A_zip_without_one_PyPI_advisory_is_not_PyPIs_export()
    {
        var zip = OsvExport.Write(root.Scratch("npm.zip"), """{"id":"GHSA-npm","affected":[{"package":{"ecosystem":"npm","name":"left-pad"}}]}""");

        var error = Assert.Throws<CodeEnvException>(() => AdvisoryDatabase.Import(root.Paths, zip, Now, "admin", CancellationToken.None));

        Assert.Contains("none of its entries is an advisory of a PyPI package", error.Message);
    }

    public void Dispose() => root.Dispose();
}
