using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class PythonCmdletTests
{
    [Fact]
    public void Get_CodeEnvPython_lists_typed_interpreters_including_3_11_and_3_12()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var found = ps.Run("Get-CodeEnvPython").AssertSuccess().Output;
        Assert.All(found, i => Assert.Equal("CodeEnv.PythonInterpreter", i.TypeNames[0]));
        var versions = found.Select(i => i.Get<string>("Version")).ToList();
        Assert.True(versions.Any(v => v.StartsWith("3.11.")), "No Python 3.11 was found: " + string.Join(", ", versions));
        Assert.True(versions.Any(v => v.StartsWith("3.12.")), "No Python 3.12 was found: " + string.Join(", ", versions));
        Assert.Equal(found.Count, found.Select(i => i.Get<string>("Path")).Distinct().Count());
    }

    [Fact]
    public void Get_CodeEnvPython_Version_filters_by_version_prefix()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var found = ps.Run("Get-CodeEnvPython -Version 3.12").AssertSuccess().Output;
        Assert.NotEmpty(found);
        Assert.All(found, i => Assert.StartsWith("3.12.", i.Get<string>("Version")));
    }

    [Fact]
    public void Get_CodeEnvPython_of_a_version_not_installed_is_object_not_found_listing_the_installed()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var error = ps.Run("Get-CodeEnvPython -Version 3.4").AssertError("PythonVersionNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("3.12.", error.ToString());
    }

    [Fact]
    public void Get_CodeEnvPython_of_a_malformed_version_is_invalid_argument()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        ps.Run("Get-CodeEnvPython -Version banana").AssertError("PythonVersionInvalid", ErrorCategory.InvalidArgument);
    }
}
