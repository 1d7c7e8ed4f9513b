using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class SetCodeEnvRootTests
{
    [Fact]
    public void Package_sources_and_base_packages_are_saved_as_a_new_revision()
    {
        using var ps = new PowerShellSession();
        var links = ps.Scratch("links");
        var settings = ps.Run("Set-CodeEnvRoot -IndexUrl https://pypi.internal/simple -ExtraIndexUrl https://extra.internal/simple -FindLinks $args[0] -TrustedHost pypi.internal:8443 -NoIndex -BasePackage 'numpy>=1.26' -PassThru", links)
            .Single("CodeEnv.RootSettings");

        Assert.Equal(2, settings.Get<int>("Revision"));
        var sources = ps.Run("(Get-CodeEnvRoot)").AssertSuccess().Output.Single();
        Assert.Equal("https://pypi.internal/simple", sources.Get<string>("IndexUrl"));
        Assert.Equal(new[] { links }, sources.Get<string[]>("FindLinks"));
        Assert.Equal(new[] { "pypi.internal:8443" }, sources.Get<string[]>("TrustedHosts"));
        Assert.True(sources.Get<bool>("NoIndex"));
        Assert.Equal(new[] { "numpy>=1.26" }, ps.Run("(Get-CodeEnvRoot).BasePackages").Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Parameters_not_given_are_left_as_they_are()
    {
        using var ps = new PowerShellSession();
        ps.Run("Set-CodeEnvRoot -NoIndex -IndexUrl https://pypi.internal/simple").AssertSuccess();
        ps.Run("Set-CodeEnvRoot -BasePackage 'tabulate'").AssertSuccess();
        var sources = ps.Run("(Get-CodeEnvRoot)").AssertSuccess().Output.Single();
        Assert.True(sources.Get<bool>("NoIndex"));
        Assert.Equal("https://pypi.internal/simple", sources.Get<string>("IndexUrl"));

        ps.Run("Set-CodeEnvRoot -NoIndex:$false -IndexUrl ''").AssertSuccess();
        sources = ps.Run("(Get-CodeEnvRoot)").AssertSuccess().Output.Single();
        Assert.False(sources.Get<bool>("NoIndex"));
        Assert.Null(sources.Properties["IndexUrl"].Value);
    }

    [Theory]
    [InlineData("-IndexUrl 'pypi.internal/simple'", "PackageSourceUrlInvalid")]
    [InlineData("-ExtraIndexUrl 'ftp://x/simple'", "PackageSourceUrlInvalid")]
    [InlineData("-TrustedHost 'bad host'", "TrustedHostInvalid")]
    [InlineData("-BasePackage 'numpy>=>1'", "RequirementInvalid")]
    [InlineData("-BasePackage 'numpy', 'NumPy>1'", "RequirementDuplicated")]
    [InlineData("-ServiceMaxMessageMiB 0", "ServiceLimitInvalid")]
    [InlineData("-ServiceIdleTimeoutSeconds 100000", "ServiceLimitInvalid")]
    public void A_bad_value_is_refused_and_nothing_is_saved(string parameters, string errorId)
    {
        using var ps = new PowerShellSession();
        ps.Run("Set-CodeEnvRoot " + parameters).AssertError(errorId, ErrorCategory.InvalidArgument);
        Assert.Equal(1, (int)ps.Run("(Get-CodeEnvRoot).Revision").Output.Single().BaseObject);
    }

    [Fact]
    public void Service_limits_on_a_root_used_directly_are_refused_and_nothing_is_saved()
    {
        using var ps = new PowerShellSession();
        var error = ps.Run("Set-CodeEnvRoot -ServiceMaxMessageMiB 16 -ServiceMaxOperationsPerUser 2").AssertError("ServiceLimitOnDirectRoot", ErrorCategory.InvalidOperation);
        Assert.Contains("-ServiceMaxMessageMiB, -ServiceMaxOperationsPerUser limit the CodeEnv service of a served root", error.Exception.Message);
        Assert.Equal(1, (int)ps.Run("(Get-CodeEnvRoot).Revision").Output.Single().BaseObject);
    }

    [Fact]
    public void A_caller_who_is_not_an_administrator_is_refused()
    {
        using var ps = new PowerShellSession();
        ps.EditRootSettings(s => s["administrators"] = new Newtonsoft.Json.Linq.JArray("someone-else"));
        var error = ps.Run("Set-CodeEnvRoot -NoIndex").AssertError("AdministratorRequired", ErrorCategory.PermissionDenied);
        Assert.Contains("someone-else", error.Exception.Message);
        // The caller's own archive is read first (on either kind of root its process sends the bytes), then the engine refuses.
        var archive = ps.Scratch("x-1.0.tar.gz");
        File.WriteAllBytes(archive, new byte[] { 0x1f, 0x8b });
        ps.Run("Publish-CodeEnvPackage -Path $args[0]", archive).AssertError("AdministratorRequired", ErrorCategory.PermissionDenied);
    }
}
