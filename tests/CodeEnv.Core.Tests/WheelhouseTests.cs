using CodeEnv.Errors;
using CodeEnv.Packages;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

public class WheelhouseTests : IDisposable
{
    private readonly TempFolder folder = new();

    private RootPaths Paths => new(folder.Combine("root"));

    [Fact]
    public void A_wheel_is_copied_in_with_the_name_and_version_its_file_name_gives()
    {
        var wheel = WheelBuilder.Write(folder.Combine("dist"), "Tabular_Tools", "2.0.1");
        var published = Wheelhouse.Publish(Paths, wheel, force: false);
        Assert.Equal(("tabular-tools", "2.0.1"), (published.PackageName, published.Version));
        Assert.True(File.Exists(Path.Combine(Paths.Wheelhouse, Path.GetFileName(wheel))));
    }

    [Fact]
    public void Publishing_the_same_file_again_changes_nothing_and_a_different_one_needs_Force()
    {
        var sdist = SdistBuilder.Write(folder.Combine("dist"), "inhouse", "1.0");
        Wheelhouse.Publish(Paths, sdist, force: false);
        Wheelhouse.Publish(Paths, sdist, force: false);

        var other = SdistBuilder.Write(folder.Combine("other"), "inhouse", "1.0", setupPrelude: "# changed\n");
        Assert.Equal("PackageAlreadyPublished", Assert.Throws<CodeEnvException>(() => Wheelhouse.Publish(Paths, other, force: false)).ErrorId);
        Wheelhouse.Publish(Paths, other, force: true);
        Assert.Equal(File.ReadAllBytes(other), File.ReadAllBytes(Path.Combine(Paths.Wheelhouse, "inhouse-1.0.tar.gz")));
        Assert.Single(Directory.GetFiles(Paths.Wheelhouse));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("inhouse.tar.gz")]
    [InlineData("inhouse-latest.tar.gz")]
    [InlineData("inhouse-1.0.whl")]
    public void A_file_not_named_like_a_wheel_or_sdist_is_refused(string fileName)
    {
        var file = folder.Combine(fileName);
        File.WriteAllText(file, "x");
        var error = Assert.Throws<CodeEnvException>(() => Wheelhouse.Publish(Paths, file, force: false));
        Assert.Equal(("PackageArchiveInvalid", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
    }

    [Fact]
    public void A_folder_is_refused()
    {
        Directory.CreateDirectory(folder.Combine("pkg-1.0.tar.gz"));
        Assert.Equal("PackageArchiveInvalid", Assert.Throws<CodeEnvException>(() => Wheelhouse.Publish(Paths, folder.Combine("pkg-1.0.tar.gz"), false)).ErrorId);
    }

    [Fact]
    public void A_wheel_that_is_not_a_zip_is_refused()
    {
        var fake = folder.Combine("dist", "alpha-1.0-py3-none-any.whl");
        Directory.CreateDirectory(Path.GetDirectoryName(fake)!);
        File.WriteAllText(fake, "not a zip at all");

        var error = Assert.Throws<CodeEnvException>(() => Wheelhouse.Publish(Paths, fake, force: false));

        Assert.Equal("PackageArchiveInvalid", error.ErrorId);
        Assert.Contains("not a readable zip archive", error.Message);
        Assert.False(Directory.Exists(Paths.Wheelhouse) && Directory.EnumerateFiles(Paths.Wheelhouse).Any());
    }

    [Fact]
    public void A_wheel_whose_metadata_names_another_project_is_refused()
    {
        // beta-7.0's file name around another project's wheel: pip would install "other" wherever beta==7.0 is asked for.
        var other = WheelBuilder.Write(folder.Combine("other"), "other", "1.0");
        var disguised = folder.Combine("dist", "beta-7.0-py3-none-any.whl");
        Directory.CreateDirectory(Path.GetDirectoryName(disguised)!);
        File.Copy(other, disguised);

        var error = Assert.Throws<CodeEnvException>(() => Wheelhouse.Publish(Paths, disguised, force: false));

        Assert.Equal("PackageArchiveInvalid", error.ErrorId);
        Assert.Contains("declares other 1.0", error.Message);
    }

    [Fact]
    public void A_wheel_with_two_dist_info_folders_is_refused()
    {
        var wheel = WheelBuilder.Write(folder.Combine("dist"), "alpha", "1.0");
        using (var zip = System.IO.Compression.ZipFile.Open(wheel, System.IO.Compression.ZipArchiveMode.Update))
        using (var extra = new StreamWriter(zip.CreateEntry("sneaky-9.9.dist-info/METADATA").Open()))
        {
            extra.Write("Metadata-Version: 2.1\nName: sneaky\nVersion: 9.9\n");
        }

        Assert.Equal("PackageArchiveInvalid", Assert.Throws<CodeEnvException>(() => Wheelhouse.Publish(Paths, wheel, force: false)).ErrorId);
    }

    [Fact]
    public void An_sdist_whose_PKG_INFO_names_another_version_is_refused()
    {
        var sdist = SdistBuilder.Write(folder.Combine("real"), "inhouse", "2.0");
        var renamed = folder.Combine("dist", "inhouse-1.0.tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(renamed)!);
        File.Copy(sdist, renamed);

        var error = Assert.Throws<CodeEnvException>(() => Wheelhouse.Publish(Paths, renamed, force: false));

        Assert.Contains("declares inhouse 2.0", error.Message);
    }

    [Theory]
    [InlineData("In_House", "1.0")]
    [InlineData("in-house", "01.0")]
    [InlineData("in.house", "1.0.0")]
    public void Another_spelling_of_a_published_release_is_the_same_release(string spelledName, string spelledVersion)
    {
        var first = SdistBuilder.Write(folder.Combine("one"), "in-house", "1.0");
        Wheelhouse.Publish(Paths, first, force: false);
        var second = SdistBuilder.Write(folder.Combine("two"), spelledName, spelledVersion, setupPrelude: "# rebuilt\n");

        var error = Assert.Throws<CodeEnvException>(() => Wheelhouse.Publish(Paths, second, force: false));
        Assert.Equal("PackageAlreadyPublished", error.ErrorId);
        Assert.Contains("in-house-1.0.tar.gz", error.Message);

        Wheelhouse.Publish(Paths, second, force: true);
        Assert.Equal(new[] { Path.GetFileName(second) }, Directory.GetFiles(Paths.Wheelhouse).Select(Path.GetFileName));
    }

    [Fact]
    public void An_sdist_whose_paths_need_pax_headers_is_read()
    {
        // Past 100 characters a tar path lives in a PAX header, as Python's tarfile writes by default.
        var longName = "long-" + new string('n', 110);
        var sdist = SdistBuilder.Write(folder.Combine("dist"), longName, "1.0");

        var published = Wheelhouse.Publish(Paths, sdist, force: false);

        Assert.Equal(longName, published.PackageName);
    }

    public void Dispose() => folder.Dispose();
}
