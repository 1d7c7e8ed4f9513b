using System.Security.Cryptography;
using CodeEnv.Errors;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;

namespace CodeEnv.Core.Tests;

/// <summary>The package store's rules: content-addressed, written once, atomic, read-only, and no wheel used that fails its own RECORD or reaches outside its layout.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class PackageStoreTests : IDisposable
{
    private readonly TempFolder folder = new();

    private PackageStore Store => new(folder.Combine("store"));

    private static TestWheel Sample() => new TestWheel("sample-pkg", "1.0")
        .With("sample_pkg/__init__.py", "VALUE = 1\n")
        .With("sample_pkg/tool.sh", "#!/bin/sh\necho hi\n", executable: true);

    [Fact]
    public void A_wheel_is_stored_once_under_the_sha256_of_its_bytes()
    {
        var wheel = Sample().Write(folder.Combine("dist"));

        var stored = Store.Add(wheel);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(wheel)));
        Assert.Equal((sha256, "sample_pkg-1.0-py3-none-any.whl", "sample-pkg", "1.0"), (stored.Sha256, stored.FileName, stored.Name, stored.Version));
        Assert.Equal(Path.Combine(Store.Folder, "artifacts", sha256, stored.FileName), stored.Path);
        Assert.Equal(File.ReadAllBytes(wheel), File.ReadAllBytes(stored.Path));
    }

    [Fact]
    public void Adding_a_wheel_the_store_holds_writes_nothing()
    {
        var wheel = Sample().Write(folder.Combine("dist"));
        var first = Store.Add(wheel);
        var written = new FileInfo(first.Path).LastWriteTimeUtc;
        var inode = Inode(first.Path);

        var again = Store.Add(wheel);
        var fromStream = Store.Add(File.OpenRead(wheel), "other_name-1.0-py3-none-any.whl");

        Assert.Equal(first.Path, again.Path);
        Assert.Equal((first.Sha256, first.FileName), (fromStream.Sha256, fromStream.FileName));
        Assert.Equal((written, inode), (new FileInfo(first.Path).LastWriteTimeUtc, Inode(first.Path)));
        Assert.Single(Directory.GetDirectories(Path.Combine(Store.Folder, "artifacts")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Store.Folder, "tmp")));
    }

    [Fact]
    public void Concurrent_adders_of_one_wheel_all_succeed_with_one_artifact()
    {
        var wheel = Sample().Write(folder.Combine("dist"));
        var bytes = File.ReadAllBytes(wheel);

        var stored = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => i % 2 == 0 ? new PackageStore(folder.Combine("store")).Add(wheel) : new PackageStore(folder.Combine("store")).Add(new MemoryStream(bytes), Path.GetFileName(wheel)))
            .ToList();

        Assert.Single(stored.Select(s => s.Path).Distinct());
        Assert.Equal(bytes, File.ReadAllBytes(stored[0].Path));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Store.Folder, "tmp")));
    }

    [Fact]
    public void Concurrent_openers_of_one_tree_all_get_the_one_tree()
    {
        var sha256 = Store.Add(Sample().Write(folder.Combine("dist"))).Sha256;

        var trees = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ => new PackageStore(folder.Combine("store")).Tree(sha256)).ToList();

        Assert.Single(trees.Select(t => t.Folder).Distinct());
        Assert.Single(Directory.GetDirectories(Path.Combine(Store.Folder, "trees")));
        Assert.Equal("VALUE = 1\n", File.ReadAllText(Path.Combine(trees[0].Folder, "sample_pkg", "__init__.py")));
    }

    [Fact]
    public void A_tree_is_unpacked_once()
    {
        var sha256 = Store.Add(Sample().Write(folder.Combine("dist"))).Sha256;
        var module = Path.Combine(Store.Tree(sha256).Folder, "sample_pkg", "__init__.py");
        var inode = Inode(module);

        var again = Store.Tree(sha256);

        Assert.Equal(inode, Inode(Path.Combine(again.Folder, "sample_pkg", "__init__.py")));
    }

    [Fact]
    public void Store_files_are_read_only_for_everyone_and_its_folders_0755()
    {
        var stored = Store.Add(Sample().Write(folder.Combine("dist")));
        var tree = Store.Tree(stored.Sha256);

        const UnixFileMode readOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        const UnixFileMode folderMode = readOnly | execute | UnixFileMode.UserWrite;
        Assert.Equal(readOnly, File.GetUnixFileMode(stored.Path));
        Assert.Equal(readOnly, File.GetUnixFileMode(Path.Combine(tree.Folder, "sample_pkg", "__init__.py")));
        Assert.Equal(readOnly | execute, File.GetUnixFileMode(Path.Combine(tree.Folder, "sample_pkg", "tool.sh")));
        Assert.All(
            new[] { Path.GetDirectoryName(stored.Path)!, tree.Folder, Path.Combine(tree.Folder, "sample_pkg"), Path.Combine(tree.Folder, tree.DistInfo) },
            f => Assert.Equal(folderMode, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void A_tree_reports_the_wheel_metadata_an_install_needs()
    {
        var tree = Store.Tree(Store.Add(new TestWheel("Plat-Thing", "2.0", rootIsPurelib: false).With("plat_thing.py", "").Write(folder.Combine("dist"))).Sha256);

        Assert.Equal(("Plat-Thing", "2.0", "Plat_Thing-2.0.dist-info", false), (tree.Name, tree.Version, tree.DistInfo, tree.RootIsPurelib));
    }

    [Fact]
    public void Non_ascii_file_names_and_empty_files_are_unpacked_as_named()
    {
        var tree = Store.Tree(Store.Add(new TestWheel("intl", "1.0").With("intl/données_ü.py", "X = 'é'\n").With("intl/空.txt", "").Write(folder.Combine("dist"))).Sha256);

        Assert.Equal("X = 'é'\n", File.ReadAllText(Path.Combine(tree.Folder, "intl", "données_ü.py")));
        Assert.Equal(0, new FileInfo(Path.Combine(tree.Folder, "intl", "空.txt")).Length);
    }

    [Fact]
    public void A_file_whose_digest_differs_from_its_RECORD_is_refused_by_name()
    {
        var wheel = Sample();
        wheel.RecordEdit = record => record.Replace("sample_pkg/__init__.py,sha256=", "sample_pkg/__init__.py,sha256=AAAA");

        var error = Refused(wheel);

        Assert.Equal("WheelRecordMismatch", error.ErrorId);
        Assert.Contains("'sample_pkg/__init__.py' has the digest sha256=", error.Message);
        Assert.Contains("its RECORD says sha256=AAAA", error.Message);
    }

    [Fact]
    public void A_file_whose_size_differs_from_its_RECORD_is_refused()
    {
        var wheel = Sample();
        wheel.RecordEdit = record => record.Replace(",10\n", ",11\n");

        var error = Refused(wheel);

        Assert.Equal("WheelRecordMismatch", error.ErrorId);
        Assert.Contains("'sample_pkg/__init__.py' is 10 bytes, and its RECORD says 11", error.Message);
    }

    [Fact]
    public void A_file_its_RECORD_does_not_list_is_refused()
    {
        var wheel = Sample().With("sample_pkg/extra.py", "");
        wheel.Unlisted.Add("sample_pkg/extra.py");

        var error = Refused(wheel);

        Assert.Equal("WheelRecordMismatch", error.ErrorId);
        Assert.Contains("'sample_pkg/extra.py' is in the archive but not listed in its RECORD", error.Message);
    }

    [Fact]
    public void A_file_its_RECORD_lists_and_the_archive_lacks_is_refused()
    {
        var wheel = Sample();
        wheel.RecordEdit = record => record + "sample_pkg/gone.py,sha256=AAAA,3\n";

        var error = Refused(wheel);

        Assert.Equal("WheelRecordMismatch", error.ErrorId);
        Assert.Contains("its RECORD lists 'sample_pkg/gone.py', which is not in the archive", error.Message);
    }

    [Fact]
    public void A_file_listed_without_a_digest_or_with_a_weak_one_is_refused()
    {
        var withoutDigest = Sample();
        withoutDigest.RecordEdit = record => System.Text.RegularExpressions.Regex.Replace(record, @"sample_pkg/__init__\.py,[^,]*,", "sample_pkg/__init__.py,,");
        var weak = Sample();
        weak.RecordEdit = record => record.Replace("sample_pkg/__init__.py,sha256=", "sample_pkg/__init__.py,md5=");

        Assert.Contains("listed in its RECORD without a digest", Refused(withoutDigest).Message);
        Assert.Contains("which is not sha256, sha384 or sha512", Refused(weak).Message);
    }

    [Theory]
    [InlineData("../evil.py", "climbs out of the wheel")]
    [InlineData("sample_pkg/../../evil.py", "climbs out of the wheel")]
    [InlineData("/etc/evil.py", "is an absolute path")]
    [InlineData("C:/evil.py", "names a drive")]
    [InlineData("sample_pkg\\evil.py", "backslash")]
    [InlineData("sample_pkg//evil.py", "empty part")]
    [InlineData("sample_pkg/./evil.py", "'.' part")]
    [InlineData("sample_pkg-1.0.data/elsewhere/evil.py", "'elsewhere' is not an install scheme folder")]
    [InlineData("sample_pkg-1.0.data/evil.py", "directly in 'sample_pkg-1.0.data/'")]
    [InlineData("other-1.0.data/scripts/evil", "a data folder of another name")]
    public void A_path_that_is_unsafe_or_outside_the_wheel_layout_is_refused(string path, string why)
    {
        var error = Refused(Sample().With(path, "print('escaped')\n"));

        Assert.Equal("WheelPathUnsafe", error.ErrorId);
        Assert.Contains($"'{path}'", error.Message);
        Assert.Contains(why, error.Message);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../outside")]
    public void A_symbolic_link_that_leads_out_of_the_wheel_is_refused(string target)
    {
        var error = Refused(Sample().WithLink("sample_pkg/link", target));

        Assert.Equal("WheelPathUnsafe", error.ErrorId);
        Assert.Contains($"'sample_pkg/link' is a symbolic link to '{target}', outside the wheel", error.Message);
    }

    [Fact]
    public void A_symbolic_link_inside_the_wheel_is_unpacked_as_pip_unpacks_it_a_file_holding_its_target()
    {
        var tree = Store.Tree(Store.Add(Sample().WithLink("sample_pkg/alias.py", "__init__.py").Write(folder.Combine("dist"))).Sha256);

        var alias = new FileInfo(Path.Combine(tree.Folder, "sample_pkg", "alias.py"));
        Assert.Null(alias.LinkTarget);
        Assert.Equal("__init__.py", File.ReadAllText(alias.FullName));
    }

    [Fact]
    public void A_wheel_with_two_metadata_folders_is_refused()
    {
        var error = Refused(Sample().With("other-1.0.dist-info/METADATA", "Name: other\n"));

        Assert.Equal("WheelInvalid", error.ErrorId);
        Assert.Contains("2 .dist-info folders", error.Message);
    }

    [Fact]
    public void A_wheel_whose_metadata_names_another_project_is_refused()
    {
        var error = Refused(new TestWheel("sample-pkg", "1.0") { MetadataName = "other" }.With("sample_pkg/__init__.py", ""));

        Assert.Equal("WheelInvalid", error.ErrorId);
        Assert.Contains("its METADATA declares Name 'other'", error.Message);
    }

    [Fact]
    public void A_wheel_of_a_newer_major_wheel_version_is_refused()
    {
        var error = Refused(new TestWheel("sample-pkg", "1.0") { WheelVersion = "2.0" }.With("sample_pkg/__init__.py", ""));

        Assert.Equal("WheelInvalid", error.ErrorId);
        Assert.Contains("Wheel-Version 2.0", error.Message);
    }

    [Fact]
    public void An_entry_point_a_script_cannot_call_is_refused()
    {
        var error = Refused(Sample().WithEntryPoints("[console_scripts]\nsample = sample_pkg\n"));

        Assert.Equal("WheelInvalid", error.ErrorId);
        Assert.Contains("has no ':function' part", error.Message);
    }

    [Fact]
    public void An_entry_point_named_like_a_path_is_refused()
    {
        Assert.Contains("is not a file name", Refused(Sample().WithEntryPoints("[console_scripts]\n../../evil = sample_pkg:main\n")).Message);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused_when_its_tree_is_asked_for()
    {
        var fake = folder.Combine("dist", "fake-1.0-py3-none-any.whl");
        Directory.CreateDirectory(Path.GetDirectoryName(fake)!);
        File.WriteAllText(fake, "not a zip");
        var stored = Store.Add(fake);

        var error = Assert.Throws<CodeEnvException>(() => Store.Tree(stored.Sha256));

        Assert.Equal("WheelInvalid", error.ErrorId);
        Assert.Contains("not a readable zip archive", error.Message);
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("sample-1.0.tar.gz")]
    [InlineData("sample-1.0.whl")]
    [InlineData("../sample-1.0-py3-none-any.whl")]
    public void A_file_not_named_like_a_wheel_is_not_added(string fileName)
    {
        var error = Assert.Throws<CodeEnvException>(() => Store.Add(new MemoryStream(new byte[] { 1 }), fileName));

        Assert.Equal(("WheelFileNameInvalid", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.False(Directory.Exists(Path.Combine(Store.Folder, "artifacts")));
    }

    [Fact]
    public void The_tree_of_a_wheel_the_store_does_not_hold_is_not_found()
    {
        var error = Assert.Throws<CodeEnvException>(() => Store.Tree(new string('a', 64)));

        Assert.Equal(("StoredWheelNotFound", ErrorKind.NotFound), (error.ErrorId, error.Kind));
    }

    private CodeEnvException Refused(TestWheel wheel)
    {
        var stored = Store.Add(wheel.Write(folder.Combine("dist-" + Guid.NewGuid().ToString("N"))));
        var error = Assert.Throws<CodeEnvException>(() => Store.Tree(stored.Sha256));
        Assert.False(Directory.Exists(Path.Combine(Store.Folder, "trees", stored.Sha256)), "a refused wheel has no tree");
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Store.Folder, "tmp")));
        return error;
    }

    private static ulong Inode(string path) => FileIdentity.Inode(path);

    public void Dispose() => folder.Dispose();
}
