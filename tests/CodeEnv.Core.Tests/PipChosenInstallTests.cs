using System.Diagnostics;
using System.Security.Cryptography;
using CodeEnv.Operations;
using CodeEnv.Store;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>
/// An sdist the greedy resolver meets is built once per interpreter into a stored wheel, which the resolver then reads;
/// where it hands over otherwise, pip resolves (--dry-run --report) and the store installs what it chose: each wheel
/// fetched into the store and checked, and the lock recording the files that were chosen.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class PipChosenInstallTests : IClassFixture<PipChosenInstallTests.SdistInTwoEnvs>
{
    private readonly SdistInTwoEnvs twice;

    public PipChosenInstallTests(SdistInTwoEnvs twice)
    {
        this.twice = twice;
    }

    [Fact]
    public void An_sdist_needed_by_two_envs_is_built_once_and_the_second_env_links_the_built_wheel()
    {
        Assert.Equal("1.0", Run(twice.One.PythonPath, "-c", "import codeenv_built_demo; print(codeenv_built_demo.VERSION)"));
        Assert.Equal("1.0", Run(twice.Two.PythonPath, "-c", "import codeenv_built_demo; print(codeenv_built_demo.VERSION)"));
        var firstLog = CreateLog(twice.Root, "one");
        var secondLog = CreateLog(twice.Root, "two");
        Assert.Contains("Built codeenv_built_demo-1.0-", firstLog);
        // The second env's resolver reads the built wheel: no build, no pip at all.
        Assert.Contains("Installed 1 packages from the package store without pip", secondLog);
        Assert.DoesNotContain("Building wheel", secondLog);
        Assert.DoesNotContain("pip chose the set", secondLog);
        Assert.DoesNotContain("pip installs this set", secondLog);
        Assert.Single(Directory.GetFiles(Path.Combine(twice.Root.Paths.PackageStore, "builds", Sha256Of(twice.Sdist)), "*.json"));
        Assert.Single(twice.Root.Engine.Store.ItemsAsync(false, CancellationToken.None).Awaited(), i => i.Name == "codeenv-built-demo");
    }

    [Fact]
    public void A_wheel_built_from_an_sdist_is_used_by_every_env_whose_lock_names_the_sdist_so_a_prune_keeps_it()
    {
        var built = Assert.Single(twice.Root.Engine.Store.ItemsAsync(false, CancellationToken.None).Awaited(), i => i.Name == "codeenv-built-demo");

        Assert.Equal(new[] { "one (current)", "two (current)" }, built.UsedBy.OrderBy(u => u, StringComparer.Ordinal));
        Assert.DoesNotContain(twice.Root.Engine.Store.ItemsAsync(true, CancellationToken.None).Awaited(), i => i.Name == "codeenv-built-demo");
    }

    [Fact]
    public void The_lock_of_an_env_installed_from_a_built_sdist_records_the_sdist_as_its_source_served_it()
    {
        var artifact = LockedArtifact(twice.Root, "one", "codeenv-built-demo");

        Assert.Equal("codeenv-built-demo-1.0.tar.gz", artifact.Value<string>("fileName"));
        Assert.Equal(Sha256Of(twice.Sdist), artifact.Value<string>("sha256"));
        Assert.Equal(new Uri(twice.Sdist).AbsoluteUri, artifact.Value<string>("url"));
    }

    [Fact]
    public void An_sdist_the_resolver_meets_is_built_into_the_store_once_and_read_there_without_pips_dry_run()
    {
        var distInfo = Directory.GetDirectories(Path.Combine(twice.One.VenvPath, "lib"), "codeenv_built_demo-1.0.dist-info", SearchOption.AllDirectories).Single();
        var firstLog = CreateLog(twice.Root, "one");

        Assert.Equal("codeenv", File.ReadAllText(Path.Combine(distInfo, "INSTALLER")).Trim());
        Assert.Contains(twice.Reporter.Verbose, v => v.EndsWith("building codeenv-built-demo-1.0.tar.gz once into the package store, then choosing again.", StringComparison.Ordinal));
        Assert.Contains("Installed 1 packages from the package store without pip", firstLog);
        Assert.DoesNotContain("--dry-run", firstLog);
        Assert.DoesNotContain("pip installs this set", firstLog);
    }

    [Fact]
    public void A_conflict_the_greedy_resolver_leaves_to_pip_is_resolved_by_pip_and_installed_from_the_store()
    {
        using var root = new TestRoot(s => s.PackageSources.NoIndex = true);
        var wheels = root.Paths.Wheelhouse;
        // Greedy takes first 2.0 and then meets second's shared<2; pip backtracks to first 1.0.
        var wheelFiles = new[]
        {
            WheelBuilder.Write(wheels, "codeenv-first", "1.0", requires: new[] { "codeenv-shared" }),
            WheelBuilder.Write(wheels, "codeenv-first", "2.0", requires: new[] { "codeenv-shared>=2" }),
            WheelBuilder.Write(wheels, "codeenv-second", "1.0", requires: new[] { "codeenv-shared<2" }),
            WheelBuilder.Write(wheels, "codeenv-shared", "1.0"),
            WheelBuilder.Write(wheels, "codeenv-shared", "2.0"),
        };
        var reporter = new RecordingReporter();

        var env = Create(root, "conflict", reporter, "codeenv-first", "codeenv-second");

        var log = CreateLog(root, "conflict");
        Assert.Contains("backtracking), the store installs it.", log);
        Assert.DoesNotContain("pip installs this set", log);
        Assert.Contains("Installed 3 packages from the package store as pip chose them", log);
        Assert.Equal("1.0 1.0", Run(env.PythonPath, "-c", "import codeenv_first, codeenv_shared; print(codeenv_first.__version__, codeenv_shared.__version__)"));
        foreach (var (name, file) in new[] { ("codeenv-first", wheelFiles[0]), ("codeenv-second", wheelFiles[2]), ("codeenv-shared", wheelFiles[3]) })
        {
            var artifact = LockedArtifact(root, "conflict", name);
            Assert.Equal(Sha256Of(file), artifact.Value<string>("sha256"));
            Assert.Equal(Path.GetFileName(file), artifact.Value<string>("fileName"));
            Assert.NotNull(new CodeEnv.Wheels.PackageStore(root.Paths).Find(Sha256Of(file)));
        }
    }

    private static EnvironmentInfo Create(TestRoot root, string name, RecordingReporter reporter, params string[] lines) =>
        root.Engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = name, PythonVersion = "3.12", Requirements = lines, NoInstall = false }, reporter, CancellationToken.None).GetAwaiter().GetResult();

    private static string CreateLog(TestRoot root, string name) => File.ReadAllText(Directory.GetFiles(root.Paths.LogsFolder(name), "*-create.log").Single());

    private static JObject LockedArtifact(TestRoot root, string env, string package) =>
        (JObject)JObject.Parse(File.ReadAllText(root.Paths.InstalledFile(env)))["packages"]!.Single(p => p.Value<string>("name")!.Equals(package, StringComparison.OrdinalIgnoreCase))["artifact"]!;

    private static string Sha256Of(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    private static string Run(string python, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(python, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }

    /// <summary>A root whose wheelhouse holds one setup.py sdist (and the tools to build it), and two envs made from it one after the other.</summary>
    public sealed class SdistInTwoEnvs : IDisposable
    {
        public SdistInTwoEnvs()
        {
            Root = new TestRoot(s => s.PackageSources.NoIndex = true);
            BuildTools.CopyTo(Root.Paths.Wheelhouse);
            Sdist = SdistBuilder.Write(Root.Paths.Wheelhouse, "codeenv-built-demo", "1.0");
            One = Create(Root, "one", Reporter, "codeenv-built-demo==1.0");
            Two = Create(Root, "two", Reporter, "codeenv-built-demo==1.0");
        }

        internal TestRoot Root { get; }

        public string Sdist { get; }

        public RecordingReporter Reporter { get; } = new();

        public EnvironmentInfo One { get; }

        public EnvironmentInfo Two { get; }

        public void Dispose() => Root.Dispose();
    }
}
