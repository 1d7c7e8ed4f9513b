using CodeEnv.Python;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The installer's use of the interpreter: its scheme asked once, each tree compiled once per cache tag (even by installs
/// racing each other), and the compiled modules valid wherever they land, hard link or copy.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class WheelBytecodeTests : IDisposable
{
    private readonly TempFolder folder = new();

    private PackageStore Store => new(folder.Combine("store"));

    [Fact]
    public async Task A_second_venv_of_the_interpreter_is_installed_without_starting_a_process()
    {
        var python = Interpreters.Require("3.12").Path;
        var tree = StoredSample();
        var processes = new CountingRunner();

        await new WheelInstaller(Store, processes).InstallAsync(NewVenv(python, "first"), tree, requested: true, null, LinkMode.Link, CancellationToken.None);
        var first = processes.Started;
        await new WheelInstaller(Store, processes).InstallAsync(NewVenv(python, "second"), tree, requested: true, null, LinkMode.Link, CancellationToken.None);

        Assert.InRange(first, 1, 2); // the compile, and the scheme unless this test process asked the interpreter already
        Assert.Equal(first, processes.Started);
        Assert.Single(Directory.GetFiles(Path.Combine(Store.Folder, "schemes")));
        Assert.True(Directory.Exists(Path.Combine(Store.Folder, "bytecode", tree.Sha256, "cpython-312")));
    }

    [Fact]
    public async Task Installs_racing_each_other_compile_a_tree_once_and_all_succeed()
    {
        var python = Interpreters.Require("3.12").Path;
        var tree = StoredSample();
        var venvs = Enumerable.Range(0, 3).Select(i => NewVenv(python, "racer" + i)).ToList();

        await Task.WhenAll(venvs.Select(venv => Task.Run(() => new WheelInstaller(Store, SystemProcessRunner.Instance).InstallAsync(venv, tree, requested: true, null, LinkMode.Link, CancellationToken.None))));

        var compiled = Path.Combine(Store.Folder, "bytecode", tree.Sha256, "cpython-312", "sample_mod", "__pycache__", "__init__.cpython-312.pyc");
        Assert.All(venvs, venv => Assert.Equal(FileIdentity.Inode(compiled), FileIdentity.Inode(Path.Combine(venv, "lib", "python3.12", "site-packages", "sample_mod", "__pycache__", "__init__.cpython-312.pyc"))));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Store.Folder, "tmp")));
    }

    [Theory]
    [InlineData(LinkMode.Link)]
    [InlineData(LinkMode.Copy)]
    public async Task Modules_load_from_their_installed_bytecode_whether_linked_or_copied(LinkMode linkMode)
    {
        var python = Interpreters.Require("3.12").Path;
        var venv = NewVenv(python, "venv");

        await new WheelInstaller(Store, SystemProcessRunner.Instance).InstallAsync(venv, StoredSample(), requested: true, null, linkMode, CancellationToken.None);

        var run = ChildProcess.Run(Path.Combine(venv, "bin", "python"), "-v", "-c", "import sample_mod.inner; print(sample_mod.inner.VALUE)");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"# code object from '{venv}/lib/python3.12/site-packages/sample_mod/__pycache__/inner.cpython-312.pyc'", run.Output);
        Assert.DoesNotContain("# wrote ", run.Output);
    }

    private StoredTree StoredSample() => Store.Tree(Store.Add(new TestWheel("sample-mod", "1.0")
        .With("sample_mod/__init__.py", "")
        .With("sample_mod/inner.py", "VALUE = 'inner'\n")
        .With("sample_mod/broken.py", "def (:\n")
        .Write(folder.Combine("wheels"))).Sha256);

    private string NewVenv(string python, string name)
    {
        var venv = folder.Combine(name);
        var made = ChildProcess.Run(python, "-m", "venv", "--without-pip", venv);
        Assert.True(made.ExitCode == 0, made.Output);
        return venv;
    }

    public void Dispose() => folder.Dispose();

    /// <summary>The system's processes, counted.</summary>
    private sealed class CountingRunner : IProcessRunner
    {
        private int started;

        public int Started => started;

        public Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, Action<string>? onLine, CancellationToken cancellation, IReadOnlyDictionary<string, string?>? environment = null, Action<string>? onErrorLine = null, Action<int>? onStartedInOwnGroup = null, string? workingDirectory = null)
        {
            Interlocked.Increment(ref started);
            return SystemProcessRunner.Instance.RunAsync(executable, arguments, onLine, cancellation, environment, onErrorLine, onStartedInOwnGroup, workingDirectory);
        }
    }
}
