using CodeEnv.Containers;
using CodeEnv.Errors;
using CodeEnv.Operations;

namespace CodeEnv.Core.Tests;

/// <summary>The rules of an env's run-time settings that need no process: names, resource paths, and what outdates an image.</summary>
public class RuntimeEnvironmentTests
{
    [Theory]
    [InlineData("../secrets.json")]
    [InlineData("/etc/passwd")]
    [InlineData("models/../../x.py")]
    [InlineData("")]
    public void A_script_path_outside_the_resources_folder_is_refused(string path)
    {
        var error = Assert.Throws<CodeEnvException>(() => RuntimeEnvironment.RequireResourcePath(path, "env"));

        Assert.Equal(ErrorIds.ResourcePathInvalid.Id, error.ErrorId);
    }

    [Fact]
    public void A_resource_path_is_kept_with_forward_slashes()
    {
        Assert.Equal("models/fetch.py", RuntimeEnvironment.RequireResourcePath("models\\fetch.py", "env"));
    }

    [Theory]
    [InlineData("VIRTUAL_ENV")]
    [InlineData("path")]
    [InlineData("CODEENV_RESOURCES")]
    [InlineData("1ST")]
    [InlineData("HAS SPACE")]
    public void A_variable_name_that_is_no_shell_name_or_the_venvs_own_is_refused(string name)
    {
        var error = Assert.Throws<CodeEnvException>(() => RuntimeEnvironment.RequireValidName(name, "env"));

        Assert.Equal(ErrorIds.EnvironmentVariableInvalid.Id, error.ErrorId);
    }

    [Fact]
    public void An_images_fingerprint_changes_with_the_env_variables_and_stays_as_it_was_for_an_env_without_any()
    {
        var config = new ContainerConfig { ConfigName = "slim", BaseImage = "python:3.12-slim", PythonPath = "/usr/local/bin/python3" };
        var lines = new DockerfileFragments();

        var before = ConfigFingerprint.Of(config, lines);

        Assert.Equal(before, ConfigFingerprint.Of(config, lines, new Dictionary<string, string>()));
        Assert.NotEqual(before, ConfigFingerprint.Of(config, lines, new Dictionary<string, string> { ["HF_HOME"] = "/data/hf" }));
        Assert.NotEqual(
            ConfigFingerprint.Of(config, lines, new Dictionary<string, string> { ["HF_HOME"] = "/data/hf" }),
            ConfigFingerprint.Of(config, lines, new Dictionary<string, string> { ["HF_HOME"] = "/data/other" }));
    }
}
