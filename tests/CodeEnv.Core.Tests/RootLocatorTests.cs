using CodeEnv.Errors;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

public class RootLocatorTests
{
    [Fact]
    public void The_root_parameter_wins_over_the_variable_and_the_machine_config()
    {
        using var one = new TestRoot();
        using var two = new TestRoot();
        using var config = new TempFolder();
        var configFile = WriteConfig(config, two.Paths.Root);
        var resolved = new RootLocator(two.Paths.Root, configFile).Resolve(one.Paths.Root);
        Assert.Equal(one.Paths.Root, resolved.Root);
    }

    [Fact]
    public void The_environment_variable_wins_over_the_machine_config()
    {
        using var one = new TestRoot();
        using var two = new TestRoot();
        using var config = new TempFolder();
        var resolved = new RootLocator(one.Paths.Root, WriteConfig(config, two.Paths.Root)).Resolve(null);
        Assert.Equal(one.Paths.Root, resolved.Root);
    }

    [Fact]
    public void The_machine_config_is_used_when_nothing_else_names_a_root()
    {
        using var root = new TestRoot();
        using var config = new TempFolder();
        var resolved = new RootLocator(null, WriteConfig(config, root.Paths.Root)).Resolve(null);
        Assert.Equal(root.Paths.Root, resolved.Root);
    }

    [Fact]
    public void With_no_root_anywhere_the_error_names_all_three_places()
    {
        using var config = new TempFolder();
        var error = Assert.Throws<CodeEnvException>(() => new RootLocator(null, config.Combine("config.json")).Resolve(null));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("CodeEnvRootNotConfigured", error.ErrorId);
        Assert.Contains("-Root", error.Message);
        Assert.Contains("CODEENV_ROOT", error.Message);
        Assert.Contains(config.Combine("config.json"), error.Message);
    }

    [Fact]
    public void A_folder_that_is_not_a_root_is_refused_with_where_it_came_from()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<CodeEnvException>(() => new RootLocator(folder.Path, folder.Combine("none.json")).Resolve(null));
        Assert.Equal("CodeEnvRootNotFound", error.ErrorId);
        Assert.Contains("CODEENV_ROOT", error.Message);
        Assert.Contains("Initialize-CodeEnvRoot", error.Message);
    }

    [Fact]
    public void A_damaged_machine_config_is_named_in_the_error()
    {
        using var config = new TempFolder();
        var file = config.Combine("config.json");
        File.WriteAllText(file, "{ root: ");
        var error = Assert.Throws<CodeEnvException>(() => new RootLocator(null, file).Resolve(null));
        Assert.Equal(ErrorKind.InvalidData, error.Kind);
        Assert.Contains(file, error.Message);
    }

    private static string WriteConfig(TempFolder folder, string root)
    {
        var file = folder.Combine("config.json");
        File.WriteAllText(file, Newtonsoft.Json.JsonConvert.SerializeObject(new { root }));
        return file;
    }
}
