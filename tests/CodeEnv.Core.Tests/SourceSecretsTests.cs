using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

public class SourceSecretsTests
{
    [Theory]
    [InlineData("https://user:token@host/simple", "https://user:***@host/simple")]
    [InlineData("https://token@host/simple", "https://***@host/simple")]
    [InlineData("https://host/simple", "https://host/simple")]
    [InlineData("https://user:***@host/simple", "https://user:***@host/simple")]
    [InlineData("/srv/wheels", "/srv/wheels")]
    public void A_url_is_shown_with_its_secret_masked(string url, string shown)
    {
        Assert.Equal(shown, SourceSecrets.Redact(url));
    }

    [Fact]
    public void A_kept_secret_comes_back_for_pip_from_the_redacted_url_alone()
    {
        using var folder = new TempFolder();
        var paths = new RootPaths(folder.Path);

        var stored = SourceSecrets.Keep(paths, "https://user:t0ken@host/simple");

        Assert.Equal("https://user:***@host/simple", stored);
        Assert.Equal("https://user:t0ken@host/simple", SourceSecrets.Reveal(paths, stored));
        // Setting the redacted URL again (Get-CodeEnvRoot | Set-CodeEnvRoot) keeps the secret it stands for.
        Assert.Equal(stored, SourceSecrets.Keep(paths, stored));
        Assert.Equal("https://user:t0ken@host/simple", SourceSecrets.Reveal(paths, stored));
    }

    [Fact]
    public void A_redacted_url_without_its_secret_is_a_clear_error()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<CodeEnv.Errors.CodeEnvException>(() => SourceSecrets.Reveal(new RootPaths(folder.Path), "https://user:***@host/simple"));
        Assert.Equal("SourceSecretMissing", error.ErrorId);
        Assert.Contains("Set-CodeEnvRoot", error.Message);
    }
}
