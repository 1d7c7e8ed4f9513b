using System.Security.Cryptography;
using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>
/// On a real env built from wheels the test writes: its SBOM is CycloneDX the official schemas accept (1.5 and 1.6) and
/// says what the lock and the installed METADATA say; the root's allow list of licenses refuses a set before any file of
/// it is fetched, on the resolver's path and on pip's, and the env keeps what it had.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class SbomAndLicenseRuleTests : IClassFixture<SbomAndLicenseRuleTests.LicensedRoot>
{
    private static readonly string[] Allowed = { "MIT", "BSD-3-Clause", "Apache-2.0" };

    private readonly LicensedRoot fixture;

    public SbomAndLicenseRuleTests(LicensedRoot fixture)
    {
        this.fixture = fixture;
    }

    private TestRoot Root => fixture.Root;

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.6")]
    public void The_sbom_of_a_built_env_is_valid_cyclonedx(string specVersion)
    {
        var text = Root.Engine.Transfer.SbomAsync("described", specVersion, CancellationToken.None).Awaited();

        Assert.Empty(CycloneDxSchemas.Problems(text, specVersion));
    }

    [Fact]
    public void The_sbom_names_every_locked_distribution_with_the_locks_sha256_its_declared_license_and_its_dependencies()
    {
        var bom = JObject.Parse(Root.Engine.Transfer.SbomAsync("described", "1.6", CancellationToken.None).Awaited());
        var locked = (JArray)JObject.Parse(File.ReadAllText(Root.Paths.InstalledFile("described")))["packages"]!;
        var components = bom["components"]!.Where(c => (string)c["type"]! == "library").ToDictionary(c => (string)c["name"]!);

        Assert.Equal(locked.Select(p => (string)p["name"]!).Order(StringComparer.OrdinalIgnoreCase), components.Keys.Order(StringComparer.OrdinalIgnoreCase));
        foreach (var package in locked.Where(p => p["artifact"] is JObject))
        {
            Assert.Equal((string)package["artifact"]!["sha256"]!, (string)components[(string)package["name"]!]["hashes"]![0]!["content"]!);
        }

        Assert.Equal("pkg:pypi/codeenv-sbom-app@1.0", (string)components["codeenv-sbom-app"]["purl"]!);
        Assert.Equal("MIT", (string)components["codeenv-sbom-app"]["licenses"]![0]!["expression"]!);
        Assert.Equal("BSD-3-Clause", (string)components["codeenv-sbom-lib"]["licenses"]![0]!["license"]!["id"]!);
        var graph = bom["dependencies"]!.ToDictionary(d => (string)d["ref"]!, d => d["dependsOn"]!.Select(r => (string)r!).ToArray());
        Assert.Equal(new[] { "codeenv-python", "pkg:pypi/codeenv-sbom-app@1.0" }, graph["codeenv-env:described"]);
        Assert.Equal(new[] { "pkg:pypi/codeenv-sbom-lib@2.0" }, graph["pkg:pypi/codeenv-sbom-app@1.0"]);
        // lib's speed dependency is asked through app's lib[fast].
        Assert.Equal(new[] { "pkg:pypi/codeenv-sbom-speed@1.0" }, graph["pkg:pypi/codeenv-sbom-lib@2.0"]);
    }

    [Fact]
    public void The_allow_list_refuses_a_set_the_resolver_chose_before_any_file_of_it_is_fetched_and_the_env_keeps_what_it_had()
    {
        SetAllowed(Allowed);
        Create("guarded", "codeenv-sbom-app");
        var installedBefore = File.ReadAllText(Root.Paths.InstalledFile("guarded"));
        var servingBefore = new DirectoryInfo(Root.Paths.VenvFolder("guarded")).ResolveLinkTarget(true)!.FullName;
        Root.Engine.Packages.AddPackagesAsync("guarded", new[] { "codeenv-copyleft", "codeenv-silent" }, null, CancellationToken.None).Awaited();

        var error = Assert.Throws<CodeEnvException>(() => Root.Engine.Lifecycle.UpdateAsync("guarded", new UpdateOptions(), null, CancellationToken.None).Awaited());

        Assert.Equal(ErrorIds.LicenseNotAllowed.Id, error.ErrorId);
        Assert.Contains("codeenv-copyleft 1.0: its License-Expression 'GPL-3.0-only' is not satisfied", error.Message);
        Assert.Contains("codeenv-silent 1.0: it declares no license", error.Message);
        Assert.Null(new PackageStore(Root.Paths).Find(Sha256Of(fixture.Copyleft)));
        Assert.Equal(installedBefore, File.ReadAllText(Root.Paths.InstalledFile("guarded")));
        Assert.Equal(servingBefore, new DirectoryInfo(Root.Paths.VenvFolder("guarded")).ResolveLinkTarget(true)!.FullName);
        var info = Root.Engine.Environments.GetAsync("guarded", CancellationToken.None).Awaited();
        Assert.Equal(EnvironmentState.Failed, info.State);
        Assert.Contains("GPL-3.0-only", info.StateDetail);
    }

    [Fact]
    public void The_allow_list_refuses_the_set_pip_chose_before_any_file_of_it_is_fetched()
    {
        SetAllowed(Allowed);
        Root.Create("conflicted", "3.12");
        Root.Engine.Packages.AddPackagesAsync("conflicted", new[] { "codeenv-first", "codeenv-second" }, null, CancellationToken.None).Awaited();

        var error = Assert.Throws<CodeEnvException>(() => Root.Engine.Lifecycle.UpdateAsync("conflicted", new UpdateOptions(), null, CancellationToken.None).Awaited());

        Assert.Equal(ErrorIds.LicenseNotAllowed.Id, error.ErrorId);
        Assert.Contains("codeenv-shared 1.0: it declares no license", error.Message);
        var log = File.ReadAllText(Directory.GetFiles(Root.Paths.LogsFolder("conflicted"), "*-update.log").Single());
        Assert.Contains("--dry-run", log);
        Assert.Null(new PackageStore(Root.Paths).Find(Sha256Of(fixture.FirstOne)));
        Assert.False(File.Exists(Root.Paths.InstalledFile("conflicted")));
    }

    [Fact]
    public void The_allow_list_refuses_what_pip_installed_itself_before_the_new_venv_serves()
    {
        SetAllowed(Allowed);
        Root.Create("tooled", "3.12");
        // A line for the venv's own tooling makes pip install the whole set itself, with no dry run first.
        Root.Engine.Packages.AddPackagesAsync("tooled", new[] { "codeenv-copyleft", "setuptools" }, null, CancellationToken.None).Awaited();

        var error = Assert.Throws<CodeEnvException>(() => Root.Engine.Lifecycle.UpdateAsync("tooled", new UpdateOptions(), null, CancellationToken.None).Awaited());

        Assert.Equal(ErrorIds.LicenseNotAllowed.Id, error.ErrorId);
        Assert.Contains("codeenv-copyleft 1.0: its License-Expression 'GPL-3.0-only'", error.Message);
        Assert.DoesNotContain("setuptools", error.Message);
        var log = File.ReadAllText(Directory.GetFiles(Root.Paths.LogsFolder("tooled"), "*-update.log").Single());
        Assert.Contains("pip installs this set: the lines ask for the venv's own tooling", log);
        Assert.False(File.Exists(Root.Paths.InstalledFile("tooled")));
        Assert.False(Directory.Exists(Root.Paths.VenvFolder("tooled")));
    }

    private void SetAllowed(IReadOnlyList<string> licenses) =>
        Root.Engine.Root.ChangeAsync(new RootSettingsChange { AllowedLicenses = licenses }, CancellationToken.None).Awaited();

    private EnvironmentInfo Create(string name, params string[] lines) => Create(Root, name, lines);

    private static EnvironmentInfo Create(TestRoot root, string name, params string[] lines) =>
        root.Engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = name, PythonVersion = "3.12", Requirements = lines, NoInstall = false }, null, CancellationToken.None).Awaited();

    private static string Sha256Of(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    /// <summary>One root whose wheelhouse holds licensed wheels, and one env built from them with no rule set.</summary>
    public sealed class LicensedRoot : IDisposable
    {
        public LicensedRoot()
        {
            Root = new TestRoot(s => s.PackageSources.NoIndex = true);
            var wheels = Root.Paths.Wheelhouse;
            BuildTools.CopyTo(wheels);
            WheelBuilder.Write(wheels, "codeenv-sbom-app", "1.0", requires: new[] { "codeenv-sbom-lib[fast]" }, headers: new[] { "License-Expression: MIT" });
            WheelBuilder.Write(wheels, "codeenv-sbom-lib", "2.0", requires: new[] { "codeenv-sbom-speed; extra == \"fast\"" }, extras: new[] { "fast" }, headers: new[] { "License: BSD-3-Clause", "Classifier: License :: OSI Approved :: BSD License" });
            WheelBuilder.Write(wheels, "codeenv-sbom-speed", "1.0", headers: new[] { "License: Apache-2.0" });
            Copyleft = WheelBuilder.Write(wheels, "codeenv-copyleft", "1.0", headers: new[] { "License-Expression: GPL-3.0-only" });
            WheelBuilder.Write(wheels, "codeenv-silent", "1.0");
            // The greedy resolver takes first 2.0 and then meets second's shared<2; pip backtracks to first 1.0 and shared 1.0.
            FirstOne = WheelBuilder.Write(wheels, "codeenv-first", "1.0", requires: new[] { "codeenv-shared" }, headers: new[] { "License-Expression: MIT" });
            WheelBuilder.Write(wheels, "codeenv-first", "2.0", requires: new[] { "codeenv-shared>=2" }, headers: new[] { "License-Expression: MIT" });
            WheelBuilder.Write(wheels, "codeenv-second", "1.0", requires: new[] { "codeenv-shared<2" }, headers: new[] { "License-Expression: MIT" });
            WheelBuilder.Write(wheels, "codeenv-shared", "1.0");
            WheelBuilder.Write(wheels, "codeenv-shared", "2.0", headers: new[] { "License-Expression: MIT" });
            Create(Root, "described", "codeenv-sbom-app");
        }

        internal TestRoot Root { get; }

        public string Copyleft { get; }

        public string FirstOne { get; }

        public void Dispose() => Root.Dispose();
    }
}
