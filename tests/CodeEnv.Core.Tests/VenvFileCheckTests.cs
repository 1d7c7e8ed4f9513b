using System.Security.Cryptography;
using CodeEnv.Integrity;
using CodeEnv.Python;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;

namespace CodeEnv.Core.Tests;

/// <summary>
/// Test-CodeEnv -VerifyFiles' rules, with no process: trees from a real store installed by the native installer into a
/// venv whose scheme is given, then files changed, removed or added as someone with write access would.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class VenvFileCheckTests : IDisposable
{
    private const string Module = "def main():\n    print('demo')\n";

    private readonly TempFolder folder = new();

    private PackageStore Store => new(folder.Combine("store"));

    private string Venv => folder.Combine("venv");

    private string Site => Path.Combine(Venv, "lib", "python3.12", "site-packages");

    private string ModuleFile => Path.Combine(Site, "demo", "__init__.py");

    private static TestWheel Demo() => new TestWheel("demo", "1.0")
        .With("demo/__init__.py", Module)
        .With("demo/util.py", "X = 1\n")
        .With("demo-1.0.data/scripts/plain.sh", "#!/bin/sh\necho plain\n", executable: true)
        .WithEntryPoints("[console_scripts]\ndemo-cli = demo:main\n");

    [Fact]
    public void A_venv_of_hard_links_to_the_store_verifies_without_findings()
    {
        var tree = Install(LinkMode.Link);

        Assert.Empty(Check(tree));
    }

    [Fact]
    public void A_venv_of_copies_verifies_by_content_without_findings()
    {
        var tree = Install(LinkMode.Copy);

        Assert.NotEqual(FileIdentity.Inode(Path.Combine(tree.Folder, "demo", "__init__.py")), FileIdentity.Inode(ModuleFile));
        Assert.Empty(Check(tree));
    }

    [Fact]
    public void A_changed_copy_is_a_finding_naming_the_package_the_file_and_both_sha256()
    {
        var tree = Install(LinkMode.Copy);
        File.WriteAllText(ModuleFile, "import os\n");

        var finding = Assert.Single(Check(tree));

        Assert.Equal(FileFindingKind.Changed, finding.Kind);
        Assert.Equal("demo 1.0", finding.Package);
        Assert.Equal(ModuleFile, finding.Path);
        Assert.Equal(Sha256(Module), finding.Expected);
        Assert.Equal(Sha256("import os\n"), finding.Actual);
    }

    [Fact]
    public void A_changed_copy_is_found_against_the_stores_record_even_when_the_venvs_record_was_edited_to_match()
    {
        var tree = Install(LinkMode.Copy);
        File.WriteAllText(ModuleFile, "import os\n");
        var record = Path.Combine(Site, "demo-1.0.dist-info", "RECORD");
        var rows = RecordFile.Parse(File.ReadAllText(record)).Select(r => r.Path == "demo/__init__.py" ? new RecordRow(r.Path, RecordHash.OfFile(ModuleFile).Digest, r.Size) : r);
        File.WriteAllText(record, RecordFile.Write(rows));

        Assert.Equal(FileFindingKind.Changed, Assert.Single(Check(tree)).Kind);
    }

    [Fact]
    public void A_replaced_script_outside_site_packages_is_found_against_the_venvs_record()
    {
        var tree = Install(LinkMode.Link);
        var script = Path.Combine(Venv, "bin", "plain.sh");
        File.Delete(script);
        File.WriteAllText(script, "#!/bin/sh\necho evil\n");

        var finding = Assert.Single(Check(tree));

        Assert.Equal((FileFindingKind.Changed, script), (finding.Kind, finding.Path));
    }

    [Fact]
    public void A_missing_file_is_a_finding()
    {
        var tree = Install(LinkMode.Link);
        File.Delete(Path.Combine(Site, "demo", "util.py"));

        var finding = Assert.Single(Check(tree));

        Assert.Equal((FileFindingKind.Missing, Sha256("X = 1\n"), (string?)null), (finding.Kind, finding.Expected, finding.Actual));
    }

    [Fact]
    public void A_file_added_to_a_packages_folder_is_extra_and_compiled_modules_are_not()
    {
        var tree = Install(LinkMode.Link);
        Directory.CreateDirectory(Path.Combine(Site, "demo", "__pycache__"));
        File.WriteAllText(Path.Combine(Site, "demo", "__pycache__", "util.cpython-312.pyc"), "compiled");
        Directory.CreateDirectory(Path.Combine(Site, "demo", "sub"));
        File.WriteAllText(Path.Combine(Site, "demo", "sub", "sitecustomize.py"), "import os\n");

        var finding = Assert.Single(Check(tree));

        Assert.Equal((FileFindingKind.Extra, Path.Combine(Site, "demo", "sub", "sitecustomize.py")), (finding.Kind, finding.Path));
    }

    [Fact]
    public void A_distribution_with_no_stored_tree_is_checked_against_its_own_record()
    {
        Install(LinkMode.Copy);
        File.WriteAllText(ModuleFile, "import os\n");

        var finding = Assert.Single(VenvFileCheck.Run(Venv, _ => null, Store));

        Assert.Equal((FileFindingKind.Changed, Sha256(Module)), (finding.Kind, finding.Expected));
    }

    [Fact]
    public void A_distribution_without_a_record_is_unverifiable_not_changed()
    {
        var tree = Install(LinkMode.Link);
        File.Delete(Path.Combine(Site, "demo-1.0.dist-info", "RECORD"));

        var finding = Assert.Single(Check(tree));

        Assert.Equal(FileFindingKind.Unverifiable, finding.Kind);
    }

    [Fact]
    public void A_store_file_changed_in_place_passes_the_venvs_cheap_link_check_and_fails_the_trees_record_check()
    {
        var tree = Install(LinkMode.Link);
        var stored = Path.Combine(tree.Folder, "demo", "__init__.py");
        File.SetUnixFileMode(stored, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(stored, "import os\n");

        Assert.Empty(Check(tree));
        var finding = Assert.Single(StoredTreeCheck.Run(tree));
        Assert.Equal((FileFindingKind.StoreChanged, stored, Sha256(Module), Sha256("import os\n")), (finding.Kind, finding.Path, finding.Expected, finding.Actual));
        Assert.Equal("import os\n", File.ReadAllText(ModuleFile));
    }

    public void Dispose() => folder.Dispose();

    private StoredTree Install(LinkMode linkMode)
    {
        var tree = Store.Tree(Store.Add(Demo().Write(folder.Combine("dist"))).Sha256);
        var scheme = new InstallScheme(Venv, Site, Site, Path.Combine(Venv, "bin"), Venv, Path.Combine(Venv, "include", "site", "python3.12"), Path.Combine(Venv, "bin", "python"), "cpython-312", "3.12");
        new WheelInstaller(Store, SystemProcessRunner.Instance).Install(scheme, tree, requested: true, directUrl: null, linkMode);
        return tree;
    }

    private IReadOnlyList<FileDifference> Check(StoredTree tree) => VenvFileCheck.Run(Venv, name => name == "demo" ? tree : null, Store);

    private static string Sha256(string text) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
