using System.Security.Cryptography;
using System.Text;
using CodeEnv.Python;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The native installer's rules, with no process: a venv's scheme given as the interpreter would report it, trees from
/// a real store. (That the result is what pip installs is proven against pip itself in WheelInstallOracleTests.)
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class WheelInstallerTests : IDisposable
{
    private readonly TempFolder folder = new();

    private PackageStore Store => new(folder.Combine("store"));

    private static TestWheel Demo() => new TestWheel("demo", "1.0")
        .With("demo/__init__.py", "def main():\n    print('demo')\n")
        .With("demo-1.0.data/scripts/run-demo", "#!python\nimport demo\ndemo.main()\n", executable: true)
        .With("demo-1.0.data/scripts/plain.sh", "#!/bin/sh\necho plain\n", executable: true)
        .With("demo-1.0.data/data/share/demo/readme.txt", "hi\n")
        .With("demo-1.0.data/headers/demo.h", "int demo;\n")
        .WithEntryPoints("[console_scripts]\ndemo-cli = demo:main\n[gui_scripts]\ndemo-gui = demo:main\n");

    [Fact]
    public void The_trees_files_are_hard_links_to_the_store()
    {
        var (scheme, tree) = Prepare(Demo());

        var installed = Install(scheme, tree);

        var module = Path.Combine(scheme.Purelib, "demo", "__init__.py");
        Assert.Equal(FileIdentity.Inode(Path.Combine(tree.Folder, "demo", "__init__.py")), FileIdentity.Inode(module));
        Assert.Equal(FileIdentity.Inode(Path.Combine(tree.Folder, "demo-1.0.data", "headers", "demo.h")), FileIdentity.Inode(Path.Combine(scheme.Headers, "demo", "demo.h")));
        Assert.Equal(0, installed.Copied);
        Assert.True(installed.Linked >= 5, $"{installed.Linked} linked");
    }

    [Fact]
    public void Venvs_of_one_layout_link_one_read_only_RECORD_and_INSTALLER_from_the_store()
    {
        var plain = new TestWheel("plain", "1.0").With("plain/__init__.py", "VALUE = 1\n");
        var (first, tree) = Prepare(plain, "first");
        var second = SchemeOf(folder.Combine("second"));

        Install(first, tree);
        Install(second, tree);

        foreach (var name in new[] { "RECORD", "INSTALLER" })
        {
            var one = Path.Combine(first.Purelib, "plain-1.0.dist-info", name);
            var other = Path.Combine(second.Purelib, "plain-1.0.dist-info", name);
            Assert.Equal(FileIdentity.Inode(one), FileIdentity.Inode(other));
            Assert.Contains(Directory.GetFiles(Path.Combine(Store.Folder, "written")), f => FileIdentity.Inode(f) == FileIdentity.Inode(one));
            Assert.False(File.GetUnixFileMode(one).HasFlag(UnixFileMode.UserWrite), name + " is writable");
        }
    }

    [Fact]
    public void With_LinkMode_Copy_every_file_is_the_venvs_own_with_the_store_files_time_and_pips_modes()
    {
        var (scheme, tree) = Prepare(Demo());

        var installed = Install(scheme, tree, linkMode: LinkMode.Copy);

        var source = Path.Combine(tree.Folder, "demo-1.0.data", "scripts", "plain.sh");
        var copy = Path.Combine(scheme.Scripts, "plain.sh");
        Assert.NotEqual(FileIdentity.Inode(source), FileIdentity.Inode(copy));
        Assert.Equal(File.GetLastWriteTimeUtc(source), File.GetLastWriteTimeUtc(copy));
        Assert.True(File.GetUnixFileMode(copy).HasFlag(UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherExecute));
        Assert.False(File.GetUnixFileMode(Path.Combine(scheme.Purelib, "demo", "__init__.py")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal(0, installed.Linked);
    }

    [Fact]
    public void A_venv_on_another_file_system_gets_copies()
    {
        Assert.True(Directory.Exists("/dev/shm"), "this test needs /dev/shm, a file system apart from the temp folder");
        using var elsewhere = new ShmFolder();
        var tree = Store.Tree(Store.Add(Demo().Write(folder.Combine("dist"))).Sha256);
        Assert.NotEqual(FileIdentity.Of(tree.Folder).Device, FileIdentity.Of(elsewhere.Path).Device);
        var scheme = SchemeOf(elsewhere.Path);

        var installed = Install(scheme, tree);

        Assert.Equal(0, installed.Linked);
        Assert.Equal("def main():\n    print('demo')\n", File.ReadAllText(Path.Combine(scheme.Purelib, "demo", "__init__.py")));
    }

    [Fact]
    public void A_python_shebang_script_is_a_new_file_naming_the_venvs_python_and_the_store_keeps_its_own()
    {
        var (scheme, tree) = Prepare(Demo());

        Install(scheme, tree);

        var script = Path.Combine(scheme.Scripts, "run-demo");
        var stored = Path.Combine(tree.Folder, "demo-1.0.data", "scripts", "run-demo");
        Assert.Equal($"#!{scheme.Python}\nimport demo\ndemo.main()\n", File.ReadAllText(script));
        Assert.NotEqual(FileIdentity.Inode(stored), FileIdentity.Inode(script));
        Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal("#!python\nimport demo\ndemo.main()\n", File.ReadAllText(stored));
    }

    [Fact]
    public void Entry_points_become_the_scripts_pip_writes()
    {
        var (scheme, tree) = Prepare(Demo());

        Install(scheme, tree);

        var expected = $"#!{scheme.Python}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom demo import main\nif __name__ == '__main__':\n"
            + "    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n";
        Assert.Equal(expected, File.ReadAllText(Path.Combine(scheme.Scripts, "demo-cli")));
        Assert.Equal(expected, File.ReadAllText(Path.Combine(scheme.Scripts, "demo-gui")));
        Assert.True(File.GetUnixFileMode(Path.Combine(scheme.Scripts, "demo-cli")).HasFlag(UnixFileMode.OtherExecute | UnixFileMode.OtherRead));
    }

    [Fact]
    public void A_venv_path_too_long_for_a_shebang_gets_the_sh_trampoline_pip_writes()
    {
        var (scheme, tree) = Prepare(Demo(), venvName: new string('v', 130));

        Install(scheme, tree);

        Assert.StartsWith($"#!/bin/sh\n'''exec' {scheme.Python} \"$0\" \"$@\"\n' '''\n# -*- coding: utf-8 -*-\n", File.ReadAllText(Path.Combine(scheme.Scripts, "demo-cli")));
    }

    [Fact]
    public void Script_wrappers_setuptools_made_for_entry_points_are_left_out()
    {
        var (scheme, tree) = Prepare(Demo().With("demo-1.0.data/scripts/demo-cli", "#!/bin/sh\nold wrapper\n"));

        Install(scheme, tree);

        Assert.Contains("from demo import main", File.ReadAllText(Path.Combine(scheme.Scripts, "demo-cli")));
    }

    [Fact]
    public void RECORD_lists_each_installed_path_relative_to_site_packages_as_pip_writes_it()
    {
        var (scheme, tree) = Prepare(Demo());

        Install(scheme, tree, requested: true, directUrl: "{\"archive_info\": {}, \"url\": \"file:///wheels/demo-1.0-py3-none-any.whl\"}");

        var record = File.ReadAllText(Path.Combine(scheme.Purelib, "demo-1.0.dist-info", "RECORD"));
        var rows = record.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        Assert.Equal(
            new[]
            {
                "../../../bin/demo-cli", "../../../bin/demo-gui", "../../../bin/plain.sh", "../../../bin/run-demo",
                "../../../include/site/python3.12/demo/demo.h", "../../../share/demo/readme.txt",
                "demo-1.0.dist-info/INSTALLER", "demo-1.0.dist-info/METADATA", "demo-1.0.dist-info/RECORD", "demo-1.0.dist-info/REQUESTED",
                "demo-1.0.dist-info/WHEEL", "demo-1.0.dist-info/direct_url.json", "demo-1.0.dist-info/entry_points.txt", "demo/__init__.py",
            },
            rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Equal(3, r.Length));
        Assert.All(rows.Where(r => r[0] != "demo-1.0.dist-info/RECORD"), r => Assert.Equal(Digest(Path.Combine(scheme.Purelib, r[0])), (r[1], r[2])));
        Assert.Equal(new[] { "", "" }, rows.Single(r => r[0] == "demo-1.0.dist-info/RECORD")[1..]);
        Assert.Equal("codeenv\n", File.ReadAllText(Path.Combine(scheme.Purelib, "demo-1.0.dist-info", "INSTALLER")));
        Assert.Equal("", File.ReadAllText(Path.Combine(scheme.Purelib, "demo-1.0.dist-info", "REQUESTED")));
    }

    [Fact]
    public void A_distribution_not_requested_has_no_REQUESTED_and_none_given_no_direct_url()
    {
        var (scheme, tree) = Prepare(Demo());

        Install(scheme, tree, requested: false);

        Assert.False(File.Exists(Path.Combine(scheme.Purelib, "demo-1.0.dist-info", "REQUESTED")));
        Assert.False(File.Exists(Path.Combine(scheme.Purelib, "demo-1.0.dist-info", "direct_url.json")));
    }

    [Fact]
    public void A_platlib_wheel_installs_its_root_into_platlib()
    {
        var (scheme, tree) = Prepare(new TestWheel("native-thing", "1.0", rootIsPurelib: false).With("native_thing.py", "X = 1\n"), platlib: "lib64/python3.12/site-packages");

        Install(scheme, tree);

        Assert.True(File.Exists(Path.Combine(scheme.Platlib, "native_thing.py")));
        Assert.True(File.Exists(Path.Combine(scheme.Platlib, "native_thing-1.0.dist-info", "RECORD")));
        Assert.False(Directory.Exists(scheme.Purelib));
    }

    [Fact]
    public void Writing_over_a_file_the_tree_linked_never_writes_into_the_store()
    {
        // A wheel that ships its own INSTALLER: pip unpacks it, then writes its own over it.
        var (scheme, tree) = Prepare(Demo().With("demo-1.0.dist-info/INSTALLER", "shipped\n"));
        var stored = Path.Combine(tree.Folder, "demo-1.0.dist-info", "INSTALLER");

        Install(scheme, tree);
        Install(scheme, tree);

        Assert.Equal("shipped\n", File.ReadAllText(stored));
        Assert.Equal("codeenv\n", File.ReadAllText(Path.Combine(scheme.Purelib, "demo-1.0.dist-info", "INSTALLER")));
        Assert.Equal("def main():\n    print('demo')\n", File.ReadAllText(Path.Combine(tree.Folder, "demo", "__init__.py")));
        Assert.Equal(FileIdentity.Inode(Path.Combine(tree.Folder, "demo", "__init__.py")), FileIdentity.Inode(Path.Combine(scheme.Purelib, "demo", "__init__.py")));
    }

    [Fact]
    public void A_modules_compiled_form_in_the_store_is_linked_beside_it_and_listed_without_a_digest()
    {
        var (scheme, tree) = Prepare(Demo());
        var compiled = Path.Combine(Store.Bytecode(tree, scheme.CacheTag), "demo", "__pycache__", "__init__.cpython-312.pyc");
        Directory.CreateDirectory(Path.GetDirectoryName(compiled)!);
        File.WriteAllBytes(compiled, new byte[] { 1, 2, 3 });

        Install(scheme, tree);

        var linked = Path.Combine(scheme.Purelib, "demo", "__pycache__", "__init__.cpython-312.pyc");
        Assert.Equal(FileIdentity.Inode(compiled), FileIdentity.Inode(linked));
        Assert.Contains("demo/__pycache__/__init__.cpython-312.pyc,,\r\n", File.ReadAllText(Path.Combine(scheme.Purelib, "demo-1.0.dist-info", "RECORD")));
    }

    [Fact]
    public void RECORD_is_written_in_pythons_csv_dialect_and_order()
    {
        var rows = new[] { new RecordRow("b,c", "", ""), new RecordRow("😀", "", ""), new RecordRow("｡", "", ""), new RecordRow("a\"q", "sha256=x", "1") };

        var text = RecordFile.Write(rows);

        // Code point order puts U+FF61 before U+1F600, where UTF-16 ordinal order would not.
        Assert.Equal("\"a\"\"q\",sha256=x,1\r\n\"b,c\",,\r\n｡,,\r\n😀,,\r\n", text);
        Assert.Equal(new[] { "a\"q", "b,c", "｡", "😀" }, RecordFile.Parse(text).Select(r => r.Path));
    }

    private (InstallScheme Scheme, StoredTree Tree) Prepare(TestWheel wheel, string venvName = "venv", string platlib = "lib/python3.12/site-packages")
    {
        var tree = Store.Tree(Store.Add(wheel.Write(folder.Combine("dist-" + Guid.NewGuid().ToString("N")))).Sha256);
        return (SchemeOf(folder.Combine(venvName), platlib), tree);
    }

    // What a CPython 3.12 venv's interpreter reports.
    private static InstallScheme SchemeOf(string venv, string platlib = "lib/python3.12/site-packages") => new(
        venv,
        Path.Combine(venv, "lib", "python3.12", "site-packages"),
        Path.Combine(venv, platlib),
        Path.Combine(venv, "bin"),
        venv,
        Path.Combine(venv, "include", "site", "python3.12"),
        Path.Combine(venv, "bin", "python"),
        "cpython-312",
        "3.12");

    private InstalledWheel Install(InstallScheme scheme, StoredTree tree, bool requested = true, string? directUrl = null, LinkMode linkMode = LinkMode.Link) =>
        new WheelInstaller(Store, SystemProcessRunner.Instance).Install(scheme, tree, requested, directUrl, linkMode);

    private static (string, string) Digest(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return ("sha256=" + Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_'), bytes.Length.ToString());
    }

    public void Dispose() => folder.Dispose();

    /// <summary>A folder under /dev/shm (tmpfs), a file system apart from the temp folder the store is in.</summary>
    private sealed class ShmFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine("/dev/shm", "codeenv-test-" + Guid.NewGuid().ToString("N")[..12]);

        public ShmFolder() => Directory.CreateDirectory(Path);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
