using CodeEnv.Errors;
using CodeEnv.Packages;

namespace CodeEnv.Core.Tests;

/// <summary>The options policy and base protection of package edits, for callers who are and are not administrators.</summary>
public class PackageListEditorTests
{
    private static readonly RootSettingsDocument Settings = new() { BasePackages = { "numpy>=1.26" }, PackageSets = DefaultPackageSets.Create() };

    private static EnvironmentDefinition Env() => new() { Name = "env", RequestedPackages = { "pandas" } };

    [Theory]
    [InlineData("--index-url https://mirror.example/simple")]
    [InlineData("--extra-index-url https://mirror.example/simple")]
    [InlineData("-f /srv/wheels")]
    [InlineData("--trusted-host mirror.example")]
    [InlineData("-r other.txt")]
    [InlineData("-c constraints.txt")]
    [InlineData("-e git+https://example.org/repo.git#egg=repo")]
    [InlineData("pkg==${VERSION}")]
    public void A_user_who_is_not_an_administrator_cannot_save_source_include_editable_or_variable_lines(string line)
    {
        var env = Env();
        var error = Assert.Throws<CodeEnvException>(() => new PackageListEditor(Settings, callerIsAdministrator: false).Add(env, new[] { line }));
        Assert.Equal("RequirementInvalid", error.ErrorId);
        Assert.Contains("reserved for administrators", error.Message);
        Assert.Equal(new[] { "pandas" }, env.RequestedPackages);
    }

    [Fact]
    public void An_administrator_may_save_a_source_option_line()
    {
        var env = Env();
        new PackageListEditor(Settings, callerIsAdministrator: true).Add(env, new[] { "--extra-index-url https://mirror.example/simple" });
        Assert.Equal(new[] { "pandas", "--extra-index-url https://mirror.example/simple" }, env.RequestedPackages);
    }

    [Fact]
    public void A_set_skips_packages_that_are_base_packages()
    {
        var settings = new RootSettingsDocument { BasePackages = { "scipy" }, PackageSets = DefaultPackageSets.Create() };
        var env = Env();
        new PackageListEditor(settings, callerIsAdministrator: false).AddSets(env, new[] { "visual machine learning" });
        Assert.Equal(new[] { "pandas", "scikit-learn", "jinja2", "xgboost" }, env.RequestedPackages);
        Assert.Equal(new[] { "Visual Machine Learning" }, env.PackageSets);
    }

    [Fact]
    public void An_edit_that_is_refused_leaves_the_list_alone()
    {
        var env = Env();
        Assert.Throws<CodeEnvException>(() => new PackageListEditor(Settings, true).Replace(env, new[] { "numpy==1.0" }));
        Assert.Equal(new[] { "pandas" }, env.RequestedPackages);
    }
}
