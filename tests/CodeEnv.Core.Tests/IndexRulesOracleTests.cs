using System.Diagnostics;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The root's rules against real pip and real envs, with two real indexes on loopback: an internal one with acme-core
/// 1.0 and a public extra index that squats the name with acme-core 99.0. pip itself, given both, takes 99.0; a new
/// root (FirstIndex) installs 1.0; a pin refuses a name pip could only take from the public index; the deny list
/// refuses an update before anything of it is fetched, and the env keeps what it had.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public sealed class IndexRulesOracleTests : IClassFixture<IndexRulesOracleTests.SquattedRoot>
{
    private readonly SquattedRoot squatted;

    public IndexRulesOracleTests(SquattedRoot squatted) => this.squatted = squatted;

    [Fact]
    public void Pip_given_both_indexes_takes_the_squatters_higher_version()
    {
        var report = Run(squatted.App.PythonPath, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--disable-pip-version-check", "--report", "-",
            "--index-url", squatted.Indexes.Internal.SimpleUrl, "--extra-index-url", squatted.Indexes.Public.SimpleUrl, "acme-core");

        var chosen = JObject.Parse(report)["install"]!.Single();
        Assert.Equal("99.0", chosen["metadata"]!.Value<string>("version"));
        Assert.StartsWith(squatted.Indexes.Public.FilesUrl, chosen["download_info"]!.Value<string>("url"));
    }

    [Fact]
    public void A_new_root_takes_each_name_from_the_first_index_that_lists_it()
    {
        Assert.Equal(IndexStrategy.FirstIndex, squatted.Root.Engine.Root.SettingsAsync(CancellationToken.None).Awaited().IndexStrategy);
        Assert.Equal("1.0", Run(squatted.App.PythonPath, "-c", "import acme_core; print(acme_core.__version__)").Trim());
        Assert.StartsWith(squatted.Indexes.Internal.FilesUrl, LockedUrl("acme-core"));
    }

    [Fact]
    public void A_pinned_name_that_only_another_index_lists_is_refused_where_pip_would_take_it_from_there()
    {
        var refusal = Assert.Throws<CodeEnvException>(() => squatted.Create("tools", "acme-tools"));

        Assert.Equal(ErrorIds.IndexRuleViolated.Id, refusal.ErrorId);
        Assert.Contains($"pip chose acme-tools 2.0 from the index '{squatted.Indexes.Public.SimpleUrl}', but the root's index rule 'acme-tools -> {squatted.Indexes.Internal.SimpleUrl}' takes acme-tools from '{squatted.Indexes.Internal.SimpleUrl}' only. Nothing was installed.", refusal.Message);
        Assert.DoesNotContain(squatted.Root.Engine.Store.ItemsAsync(false, CancellationToken.None).Awaited(), i => i.Name == "acme-tools");
    }

    [Fact]
    public void A_denied_dependency_refuses_the_update_before_anything_is_fetched_and_the_env_keeps_what_it_had()
    {
        var lockBefore = File.ReadAllBytes(squatted.Root.Paths.InstalledFile("app"));
        var engine = squatted.Root.Engine;
        engine.Packages.AddPackagesAsync("app", new[] { "acme-app" }, null, CancellationToken.None).Awaited();

        var refusal = Assert.Throws<CodeEnvException>(() => engine.Lifecycle.UpdateAsync("app", new UpdateOptions(), null, CancellationToken.None).Awaited());

        Assert.Equal(ErrorIds.PackageDenied.Id, refusal.ErrorId);
        Assert.StartsWith("leftpad 1.0 is on the root's deny list (entry 'leftpad': unmaintained, vendored instead), and it was chosen for this env. Nothing was installed", refusal.Message);
        Assert.Equal(lockBefore, File.ReadAllBytes(squatted.Root.Paths.InstalledFile("app")));
        Assert.Equal("acme_core", Run(squatted.App.PythonPath, "-c", "import acme_core, importlib.util; print(acme_core.__name__ if importlib.util.find_spec('leftpad') is None else 'leftpad installed')").Trim());
        Assert.DoesNotContain(engine.Store.ItemsAsync(false, CancellationToken.None).Awaited(), i => i.Name == "leftpad");
        engine.Packages.RemovePackagesAsync("app", new[] { "acme-app" }, false, null, CancellationToken.None).Awaited();
    }

    [Fact]
    public void A_line_that_requests_a_denied_name_is_refused_when_it_is_set()
    {
        var refusal = Assert.Throws<CodeEnvException>(() => squatted.Root.Engine.Packages.AddPackagesAsync("app", new[] { "six", "LeftPad>=1" }, null, CancellationToken.None).Awaited());

        Assert.Equal(ErrorIds.PackageDenied.Id, refusal.ErrorId);
        Assert.StartsWith("line 2: 'LeftPad>=1' requests LeftPad, which the root's deny list denies (entry 'leftpad': unmaintained, vendored instead).", refusal.Message);
    }

    private string LockedUrl(string package) =>
        JObject.Parse(File.ReadAllText(squatted.Root.Paths.InstalledFile("app")))["packages"]!.Single(p => p.Value<string>("name") == package)["artifact"]!.Value<string>("url")!;

    private static string Run(string python, params string[] args)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return output;
    }

    /// <summary>A new root whose index is the internal one and whose extra index is the public one, acme-tools pinned to the internal index, leftpad denied, and an env "app" with acme-core.</summary>
    public sealed class SquattedRoot : IDisposable
    {
        public SquattedRoot()
        {
            Root = new TestRoot(s =>
            {
                s.PackageSources.IndexUrl = Indexes.Internal.SimpleUrl;
                s.PackageSources.ExtraIndexUrls = new List<string> { Indexes.Public.SimpleUrl };
            });
            Root.Engine.Root.ChangeAsync(
                new RootSettingsChange
                {
                    IndexRules = new[] { new IndexRule { Pattern = "acme-tools", Index = Indexes.Internal.SimpleUrl } },
                    DeniedPackages = new[] { new DeniedPackage("leftpad # unmaintained, vendored instead") },
                },
                CancellationToken.None).Awaited();
            App = Create("app", "acme-core");
        }

        public IndexRulesTests.TwoIndexes Indexes { get; } = new();

        internal TestRoot Root { get; }

        public EnvironmentInfo App { get; }

        public EnvironmentInfo Create(string name, params string[] lines) =>
            Root.Engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = name, PythonVersion = "3.12", Requirements = lines, NoInstall = false }, null, CancellationToken.None).Awaited();

        public void Dispose()
        {
            Root.Dispose();
            Indexes.Dispose();
        }
    }
}
