using CodeEnv.Python;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>The wheel tags a real venv's pip accepts, as pip itself ranks wheels with them, read once and then kept.</summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public sealed class SupportedTagsProbeTests : IClassFixture<SupportedTagsProbeTests.Venv>, IDisposable
{
    private readonly TempFolder work = new();
    private readonly Venv venv;
    private readonly string python;

    public SupportedTagsProbeTests(Venv venv)
    {
        this.venv = venv;
        python = venv.Python;
    }

    public void Dispose() => work.Dispose();

    /// <summary>One real venv of Python 3.12 for the class: the tests read it, none changes it.</summary>
    public sealed class Venv : IDisposable
    {
        private readonly TempFolder folder = new();

        public Venv()
        {
            Folder = folder.Combine("venv");
            OracleVenv.Make(Interpreters.Require("3.12").Path, Folder);
            Python = Path.Combine(Folder, "bin", "python");
        }

        public string Folder { get; }

        public string Python { get; }

        public void Dispose() => folder.Dispose();
    }

    [Fact]
    public async Task The_tags_are_those_pip_ranks_wheels_by_in_its_order_with_the_version_of_that_pip()
    {
        var report = await SupportedTagsProbe.ProbeAsync(new CountingRunner(), python, new ProbeCache(work.Combine("cache.json")), CancellationToken.None);

        var pips = await SystemProcessRunner.Instance.RunAsync(python, new[] { "-c", "import pip; from pip._internal.utils.compatibility_tags import get_supported; print(pip.__version__); print('\\n'.join(str(t) for t in get_supported()))" }, null, CancellationToken.None, PythonEnvironment.Clean);
        Assert.Equal(pips.StandardOutput[0], report.PipVersion);
        Assert.Equal(pips.StandardOutput.Skip(1), report.Tags);
        Assert.StartsWith("cp312-cp312-", report.Tags[0]);
    }

    [Fact]
    public async Task A_second_reader_of_the_cache_gets_them_without_starting_python()
    {
        var first = new CountingRunner();
        var probed = await SupportedTagsProbe.ProbeAsync(first, python, new ProbeCache(work.Combine("cache.json")), CancellationToken.None);
        var second = new CountingRunner();

        var again = await SupportedTagsProbe.ProbeAsync(second, python, new ProbeCache(work.Combine("cache.json")), CancellationToken.None);

        Assert.Equal((1, 0), (first.Runs, second.Runs));
        Assert.Equal(probed.Tags, again.Tags);
        Assert.Contains("|" + Path.GetFileName(Directory.GetDirectories(Path.Combine(venv.Folder, "lib", "python3.12", "site-packages"), "pip-*.dist-info").Single()) + "|", SupportedTagsProbe.KeyOf(python));
    }

    private sealed class CountingRunner : IProcessRunner
    {
        public int Runs { get; private set; }

        public Task<ProcessResult> RunAsync(string executable, IReadOnlyList<string> arguments, Action<string>? onLine, CancellationToken cancellation, IReadOnlyDictionary<string, string?>? environment = null, Action<string>? onErrorLine = null, Action<int>? onStartedInOwnGroup = null, string? workingDirectory = null)
        {
            Runs++;
            return SystemProcessRunner.Instance.RunAsync(executable, arguments, onLine, cancellation, environment, onErrorLine, onStartedInOwnGroup, workingDirectory);
        }
    }
}
