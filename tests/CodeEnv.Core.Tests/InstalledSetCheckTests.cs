using CodeEnv.Packages;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>The no-pip decision, on site-packages folders written by the test (the metadata pip leaves).</summary>
public class InstalledSetCheckTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> Python312 = new Dictionary<string, string>
    {
        ["python_version"] = "3.12", ["python_full_version"] = "3.12.1", ["sys_platform"] = "linux", ["platform_system"] = "Linux",
        ["os_name"] = "posix", ["platform_machine"] = "x86_64", ["implementation_name"] = "cpython", ["platform_python_implementation"] = "CPython",
        ["implementation_version"] = "3.12.1", ["platform_release"] = "6.1", ["platform_version"] = "#1", ["extra"] = "",
    };

    private readonly TempFolder folder = new();

    private string Venv => folder.Combine("venv");

    private string SitePackages => Path.Combine(Venv, "lib", "python3.12", "site-packages");

    private void DistInfo(string name, string version, params string[] requires)
    {
        var distInfo = Path.Combine(SitePackages, $"{name.Replace('-', '_')}-{version}.dist-info");
        Directory.CreateDirectory(distInfo);
        File.WriteAllText(Path.Combine(distInfo, "METADATA"), $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + string.Concat(requires.Select(r => $"Requires-Dist: {r}\n")) + "\nA description: with a colon\n");
    }

    private InstalledSetCheck Check(params string[] lines) =>
        InstalledSetCheck.Run(
            RequirementsParser.Parse(lines, AnyRequirementLine.Instance).Select(r => (r, PackageKind.Requested)),
            InstalledPackageReader.ReadDistributions(Venv, "env", "/root", withRequirements: true),
            Python312);

    private RequirementState StateOf(string line) => Check(line).Statuses.Single().State;

    public InstalledSetCheckTests()
    {
        DistInfo("pip", "24.0");
        DistInfo("alpha", "2.0", "beta (>=1.5)", "zeta; python_version < \"3\"", "delta; extra == \"fast\"");
        DistInfo("beta", "1.5");
        DistInfo("Scikit_Learn", "1.5.2");
        DistInfo("stray", "0.1");
    }

    [Theory]
    [InlineData("alpha", RequirementState.Satisfied)]
    [InlineData("alpha==2.0", RequirementState.Satisfied)]
    [InlineData("ALPHA>=1,<3", RequirementState.Satisfied)]
    [InlineData("scikit-learn~=1.5.0", RequirementState.Satisfied)]
    [InlineData("alpha<2", RequirementState.WrongVersion)]
    [InlineData("alpha==2.0.1", RequirementState.WrongVersion)]
    [InlineData("gamma", RequirementState.Missing)]
    [InlineData("gamma; python_version < \"3\"", RequirementState.NotApplicable)]
    [InlineData("alpha==1.0; python_version >= \"3.8\"", RequirementState.WrongVersion)]
    public void Each_line_is_judged_against_the_installed_version(string line, RequirementState expected) =>
        Assert.Equal(expected, StateOf(line));

    [Fact]
    public void Dependencies_are_part_of_what_is_needed_and_markers_for_other_pythons_are_skipped()
    {
        var check = Check("alpha");
        Assert.True(check.AllSatisfied);
        Assert.Equal(new[] { "alpha", "beta" }, check.Needed.OrderBy(n => n));
    }

    [Fact]
    public void An_extra_brings_its_dependencies_into_the_closure()
    {
        var check = Check("alpha[fast]");
        Assert.False(check.AllSatisfied);
        Assert.Equal("alpha 2.0 requires delta, which is not installed.", Assert.Single(check.ClosureProblems));
    }

    [Fact]
    public void A_dependency_at_a_wrong_version_is_reported_as_pip_check_does()
    {
        DistInfo("gamma", "1.0", "beta>=2");
        var check = Check("gamma");
        Assert.Equal("gamma 1.0 has requirement beta>=2, but you have beta 1.5.", Assert.Single(check.ClosureProblems));
        Assert.Contains("gamma 1.0 has requirement beta>=2, but you have beta 1.5.", check.BrokenDependencies());
    }

    [Theory]
    [InlineData(RequirementState.Satisfied, false)]
    [InlineData(RequirementState.NotApplicable, false)]
    [InlineData(RequirementState.Missing, true)]
    [InlineData(RequirementState.WrongVersion, true)]
    [InlineData(RequirementState.DifferentSource, true)]
    public void A_line_is_a_problem_unless_it_is_satisfied_or_not_for_this_python(RequirementState state, bool unmet) =>
        Assert.Equal(unmet, InstalledSetCheck.IsUnmet(state));

    [Fact]
    public void Problems_are_the_unmet_lines_and_the_closure_problems()
    {
        var check = Check("gamma", "alpha==1.0; python_version < \"3\"");
        Assert.Equal(new[] { "gamma: Missing" }, check.Problems);
        Assert.False(check.AllSatisfied);
    }

    [Fact]
    public void Extraneous_is_what_nothing_needs_apart_from_venv_tooling()
    {
        Assert.Equal(new[] { "Scikit_Learn", "stray" }, Check("alpha").Extraneous);
    }

    [Fact]
    public void A_direct_reference_is_satisfied_only_by_an_install_from_the_same_place()
    {
        var distInfo = Path.Combine(SitePackages, "stray-0.1.dist-info");
        File.WriteAllText(Path.Combine(distInfo, "direct_url.json"), "{\"url\": \"file:///srv/wheels/stray-0.1-py3-none-any.whl\", \"archive_info\": {}}");
        Assert.Equal(RequirementState.Satisfied, StateOf("stray @ file:///srv/wheels/stray-0.1-py3-none-any.whl"));
        Assert.Equal(RequirementState.Satisfied, StateOf("/srv/wheels/stray-0.1-py3-none-any.whl"));
        Assert.Equal(RequirementState.DifferentSource, StateOf("stray @ https://example.org/stray-0.1-py3-none-any.whl"));
        Assert.Equal(RequirementState.DifferentSource, StateOf("alpha @ file:///srv/wheels/alpha-2.0-py3-none-any.whl"));
    }

    [Fact]
    public void Egg_info_requires_txt_sections_become_markers()
    {
        var eggInfo = Path.Combine(SitePackages, "legacy-1.0-py3.12.egg-info");
        Directory.CreateDirectory(eggInfo);
        File.WriteAllText(Path.Combine(eggInfo, "PKG-INFO"), "Metadata-Version: 1.0\nName: legacy\nVersion: 1.0\n");
        File.WriteAllText(Path.Combine(eggInfo, "requires.txt"), "beta>=1\n\n[fast]\ndelta\n\n[:python_version < \"3\"]\nzeta\n");

        Assert.True(Check("legacy").AllSatisfied);
        Assert.Equal("legacy 1.0 requires delta, which is not installed.", Assert.Single(Check("legacy[fast]").ClosureProblems));
    }

    public void Dispose() => folder.Dispose();
}
