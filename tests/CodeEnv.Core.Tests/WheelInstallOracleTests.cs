using System.Security.Cryptography;
using CodeEnv.Python;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The proof that matters: the same wheels installed by pip and by the native installer into venvs of the same
/// interpreter give the same files, contents, execute bits and RECORDs (bytecode's contents and INSTALLER aside); and in
/// the native venv pip check passes, pip list agrees, every script runs, every module imports from the linked bytecode
/// without compiling anything, and pip uninstall removes every file while the store stays as it was.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class WheelInstallOracleTests : IDisposable
{
    private static readonly string[] Requested = { "alpha", "gamma-native", "ns-one", "ns-two" };

    private static readonly string[] Modules = { "alpha", "alpha.core", "alpha.données", "beta_mod", "_beta_helper", "gamma_native", "gamma_pure", "nsroot.one", "nsroot.two", "delta" };

    private readonly TempFolder folder = new();

    // One interpreter: 3.11 and later install venvs by the same "venv" scheme, and the suite's minutes are few.
    [Theory]
    [InlineData("3.12")]
    public async Task The_native_install_is_what_pip_installs(string version)
    {
        var python = Interpreters.Require(version).Path;
        var wheels = WriteWheels(folder.Combine("wheels"));
        var delta = wheels.Single(w => Path.GetFileName(w).StartsWith("delta-", StringComparison.Ordinal));

        // pip installs into a venv at one path; what it made is recorded and the venv moved away; the native install goes
        // into a new venv at that same path, so that even the scripts that name the venv, and their digests, compare.
        var venv = NewVenv(python);
        var python_ = Path.Combine(venv, "bin", "python");
        var pip = ChildProcess.Run(python_, new[] { "-m", "pip", "install", "--no-index", "--find-links", folder.Combine("wheels") }.Concat(Requested).Append(delta).ToArray());
        Assert.True(pip.ExitCode == 0, pip.Output);
        var byPip = Files(venv);
        var pipRecords = Records(venv);
        var pipList = PipList(python_);
        Directory.Move(venv, folder.Combine("by-pip"));

        NewVenv(python);
        var bare = Snapshot(venv);
        var store = new PackageStore(folder.Combine("store"));
        var requests = wheels.Select(wheel =>
        {
            var stored = store.Add(wheel);
            var directUrl = wheel == delta ? DirectUrl.ForArchive(DirectUrl.FileUrl(delta), stored.Sha256) : null;
            return new WheelInstallRequest(store.Tree(stored.Sha256), requested: stored.Name != "beta", directUrl);
        }).ToList();
        var installed = await new WheelInstaller(store, SystemProcessRunner.Instance).InstallAsync(venv, requests, LinkMode.Link, CancellationToken.None);
        Assert.All(installed, i => Assert.True(i.Linked > 0 && i.Copied == 0, $"{i.Name}: {i.Linked} linked, {i.Copied} copied"));

        // Same files, same contents, same execute bits; the bytecode's contents and INSTALLER's aside.
        var native = Files(venv);
        Assert.Equal(byPip.Keys.Order(StringComparer.Ordinal), native.Keys.Order(StringComparer.Ordinal));
        var differences = byPip.Where(f => f.Value != native[f.Key]).Select(f => $"{f.Key}: pip {f.Value}, native {native[f.Key]}").ToList();
        Assert.True(differences.Count == 0, "Files that differ:\n" + string.Join("\n", differences));

        // Same RECORDs, row for row (both list compiled modules without digests), but for INSTALLER's digest.
        Assert.Equal(pipRecords, Records(venv));

        var check = ChildProcess.Run(python_, "-m", "pip", "check");
        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Equal(pipList, PipList(python_));

        Assert.Equal("alpha says hello", Run(Path.Combine(venv, "bin", "alpha-cli")));
        Assert.Equal("alpha says hello", Run(Path.Combine(venv, "bin", "alpha-gui")));
        Assert.Equal("alpha says hello", Run(Path.Combine(venv, "bin", "alpha-run")));
        Assert.Equal("plain script", Run(Path.Combine(venv, "bin", "alpha-sh")));
        Assert.Equal("gamma native", Run(Path.Combine(venv, "bin", "gamma")));

        // Every module is loaded from its linked bytecode, and the venv gains nothing and changes nothing.
        var beforeImports = Snapshot(venv);
        var imports = ChildProcess.Run(python_, "-v", "-c", "import importlib\nfor m in " + new JArray(Modules).ToString(Newtonsoft.Json.Formatting.None) + ":\n    importlib.import_module(m)\nprint('imported')");
        Assert.True(imports.ExitCode == 0 && imports.Output.Contains("imported"), imports.Output);
        var loaded = imports.Output.Split('\n').Where(l => l.StartsWith("# code object from ", StringComparison.Ordinal)).ToList();
        foreach (var module in Modules)
        {
            var path = module.Replace('.', '/');
            var cached = Directory.Exists(Path.Combine(SitePackages(venv), path))
                ? $"/{path}/__pycache__/__init__.cpython-{version.Replace(".", "")}.pyc"
                : $"/{(path.Contains('/') ? path[..path.LastIndexOf('/')] + "/" : "")}__pycache__/{path[(path.LastIndexOf('/') + 1)..]}.cpython-{version.Replace(".", "")}.pyc";
            Assert.Contains(loaded, l => l.Contains(SitePackages(venv) + cached));
        }

        Assert.DoesNotContain("# wrote ", imports.Output);
        Assert.Equal(beforeImports, Snapshot(venv));

        // pip uninstall removes every file the install made, and the store stays as it was.
        var storeBefore = Snapshot(store.Folder, withContent: true);
        var uninstall = ChildProcess.Run(python_, "-m", "pip", "uninstall", "-y", "alpha", "beta", "gamma-native", "ns-one", "ns-two", "delta");
        Assert.True(uninstall.ExitCode == 0, uninstall.Output);
        Assert.Equal(bare.Keys.Where(k => !IsSeedBytecode(k)).Order(StringComparer.Ordinal), Snapshot(venv).Keys.Where(k => !IsSeedBytecode(k)).Order(StringComparer.Ordinal));
        Assert.Equal(storeBefore, Snapshot(store.Folder, withContent: true));
    }

    // alpha (pure, requires beta): a package with a submodule, a non-ASCII module and an empty file; #!python and plain
    // .data scripts, .data data and headers, console and gui entry points. beta: top-level modules, installed as a
    // dependency only. gamma-native: Root-Is-Purelib false, with a .data/purelib module. ns-one and ns-two: one namespace
    // package between them. delta: installed from its path, so with direct_url.json.
    private static IReadOnlyList<string> WriteWheels(string wheels) => new[]
    {
        new TestWheel("alpha", "1.0")
            .Requiring("beta>=2")
            .With("alpha/__init__.py", "from alpha.core import greet\n")
            .With("alpha/core.py", "def greet():\n    return 'alpha says hello'\n\ndef main():\n    print(greet())\n")
            .With("alpha/données.py", "VALEUR = 'é'\n")
            .With("alpha/py.typed", "")
            .With("alpha-1.0.data/scripts/alpha-run", "#!python\nfrom alpha.core import main\nmain()\n", executable: true)
            .With("alpha-1.0.data/scripts/alpha-sh", "#!/bin/sh\necho plain script\n", executable: true)
            .With("alpha-1.0.data/data/share/alpha/notes.txt", "notes\n")
            .With("alpha-1.0.data/headers/alpha.h", "int alpha;\n")
            .WithEntryPoints("[console_scripts]\nalpha-cli = alpha.core:main\n\n[gui_scripts]\nalpha-gui = alpha.core:main\n")
            .Write(wheels),
        new TestWheel("beta", "2.0").With("beta_mod.py", "B = 2\n").With("_beta_helper.py", "H = 1\n").Write(wheels),
        new TestWheel("gamma-native", "1.0", rootIsPurelib: false)
            .With("gamma_native/__init__.py", "def main():\n    print('gamma native')\n")
            .With("gamma_native-1.0.data/purelib/gamma_pure.py", "P = 1\n")
            .WithEntryPoints("[console_scripts]\ngamma = gamma_native:main\n")
            .Write(wheels),
        new TestWheel("ns-one", "1.0").With("nsroot/one/__init__.py", "ONE = 1\n").Write(wheels),
        new TestWheel("ns-two", "1.0").With("nsroot/two/__init__.py", "TWO = 2\n").Write(wheels),
        new TestWheel("delta", "1.0").With("delta/__init__.py", "D = 4\n").Write(wheels),
    };

    private string NewVenv(string python)
    {
        return OracleVenv.Make(python, folder.Combine("venv"));
    }

    private static string SitePackages(string venv) => Directory.GetDirectories(Path.Combine(venv, "lib"), "python3.*").Single() + "/site-packages";

    // Each file of the venv with its content's digest and whether it is executable; bytecode by name only, INSTALLER's
    // content aside, RECORD compared on its own; symbolic links by their target (lib64 -> lib is not followed).
    private static Dictionary<string, string> Files(string venv)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(DirectoryInfo directory)
        {
            foreach (var entry in directory.EnumerateFileSystemInfos())
            {
                var relative = Path.GetRelativePath(venv, entry.FullName);
                if (entry.LinkTarget != null)
                {
                    files[relative] = "link to " + entry.LinkTarget;
                }
                else if (entry is DirectoryInfo child)
                {
                    Walk(child);
                }
                else if (!IsSeedBytecode(relative))
                {
                    var executable = (File.GetUnixFileMode(entry.FullName) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
                    var content = relative.EndsWith(".pyc", StringComparison.Ordinal) ? "bytecode"
                        : relative.EndsWith(".dist-info/INSTALLER", StringComparison.Ordinal) ? "installer"
                        : relative.EndsWith(".dist-info/RECORD", StringComparison.Ordinal) ? "record"
                        : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry.FullName)))[..16];
                    files[relative] = content + (executable ? " executable" : "");
                }
            }
        }

        Walk(new DirectoryInfo(venv));
        return files;
    }

    // Every RECORD of the venv, row by row, INSTALLER's digest and size masked.
    private static Dictionary<string, string> Records(string venv) => Directory.GetFiles(SitePackages(venv), "RECORD", SearchOption.AllDirectories)
        .ToDictionary(
            r => Path.GetRelativePath(venv, r),
            r => string.Join("\n", RecordFile.Parse(File.ReadAllText(r)).Select(row => row.Path.EndsWith(".dist-info/INSTALLER", StringComparison.Ordinal) ? row.Path + ",<installer>" : row.ToString())),
            StringComparer.Ordinal);

    private static string PipList(string python)
    {
        var list = ChildProcess.Run(python, "-m", "pip", "list", "--format", "json", "--disable-pip-version-check");
        Assert.True(list.ExitCode == 0, list.Output);
        return JArray.Parse(list.Output.Trim()).ToString();
    }

    private static string Run(string script)
    {
        var run = ChildProcess.Run(script);
        Assert.True(run.ExitCode == 0, $"{script}: {run.Output}");
        return run.Output.Trim();
    }

    // Every file's identity (inode, size, time) and, with content, its digest: what a write, a rename or a new file changes.
    private static Dictionary<string, string> Snapshot(string root, bool withContent = false) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
        .Where(f => new FileInfo(f).LinkTarget == null && !f.Contains("/lib64/"))
        .ToDictionary(
            f => Path.GetRelativePath(root, f),
            f => $"{FileIdentity.Inode(f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f).Ticks}" + (withContent ? " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) : ""),
            StringComparer.Ordinal);

    // Running pip compiles the modules of the venv's own seed packages it imports (ensurepip installs them uncompiled); none is ours.
    private static bool IsSeedBytecode(string path) =>
        path.EndsWith(".pyc", StringComparison.Ordinal) && new[] { "pip", "setuptools", "pkg_resources", "_distutils_hack" }.Any(seed => path.Contains($"/site-packages/{seed}/", StringComparison.Ordinal));

    public void Dispose() => folder.Dispose();
}
