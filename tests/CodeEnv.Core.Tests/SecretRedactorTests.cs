using CodeEnv.Security;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>The second line of defence: whatever pip or package code prints of a root's secrets is masked before anyone reads it.</summary>
public class SecretRedactorTests
{
    [Theory]
    [InlineData("token in clear: s3cret-t0ken", "token in clear: ***")]
    [InlineData("reversed: nek0t-terc3s", "reversed: ***")]
    [InlineData("decoded: p@ss/w0rd", "decoded: ***")]
    [InlineData("as the URL holds it: p%40ss%2Fw0rd", "as the URL holds it: ***")]
    [InlineData("Authorization: Basic dXNlcjpzM2NyZXQtdDBrZW4=", "Authorization: Basic ***")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void Every_form_of_a_kept_secret_is_masked(string line, string shown)
    {
        var redactor = SecretRedactor.Of(new[] { "https://user:s3cret-t0ken@host/simple", "https://other:p%40ss%2Fw0rd@host2/simple" });

        Assert.Equal(shown, redactor.Redact(line));
    }

    [Fact]
    public void A_log_line_and_its_verbose_copy_show_the_roots_secrets_masked()
    {
        using var folder = new TempFolder();
        var paths = new RootPaths(folder.Path);
        SourceSecrets.Keep(paths, "https://user:s3cret-t0ken@host/simple");
        var reporter = new RecordingReporter();

        string path;
        using (var log = new OperationLog(folder.Combine("logs"), "update", DateTimeOffset.UtcNow, reporter, SecretRedactor.Of(paths).Redact))
        {
            log.Line("found https://user:s3cret-t0ken@host/simple and nek0t-terc3s");
            path = log.Path;
        }

        Assert.Equal("found https://user:***@host/simple and ***", File.ReadAllText(path).Trim());
        Assert.Contains("found https://user:***@host/simple and ***", reporter.Verbose);
    }
}
