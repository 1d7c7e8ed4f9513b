using CodeEnv.Errors;
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

    public void Dispose() => folder.Dispose();
}
