using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class RootCmdletTests
{
    [Fact]
    public void Initialize_CodeEnvRoot_creates_a_root_and_returns_its_settings()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var settings = ps.Run("Initialize-CodeEnvRoot -Path $args[0]", ps.Scratch("new")).Single("CodeEnv.RootSettings");
        Assert.Equal(ps.Scratch("new"), settings.Get<string>("Root"));
        Assert.Equal(new[] { System.Environment.UserName }, settings.Get<string[]>("Administrators"));
        Assert.True(File.Exists(Path.Combine(ps.Scratch("new"), "codeenv.json")));
    }

    [Fact]
    public void Initialize_CodeEnvRoot_records_the_named_administrators()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var settings = ps.Run("Initialize-CodeEnvRoot -Path $args[0] -Administrator alice, 'data-admins'", ps.Scratch("new")).Single("CodeEnv.RootSettings");
        Assert.Equal(new[] { "alice", "data-admins" }, settings.Get<string[]>("Administrators"));
    }

    [Fact]
    public void Initialize_CodeEnvRoot_refuses_a_folder_that_is_already_a_root()
    {
        using var ps = new PowerShellSession();
        ps.Run("Initialize-CodeEnvRoot -Path $args[0]", ps.RootPath).AssertError("CodeEnvRootExists", ErrorCategory.ResourceExists);
    }

    [Fact]
    public void Initialize_CodeEnvRoot_refuses_a_non_empty_folder()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        Directory.CreateDirectory(ps.Scratch("busy"));
        File.WriteAllText(Path.Combine(ps.Scratch("busy"), "data.csv"), "1,2");
        var error = ps.Run("Initialize-CodeEnvRoot -Path $args[0]", ps.Scratch("busy")).AssertError("CodeEnvRootFolderNotEmpty", ErrorCategory.InvalidArgument);
        Assert.Contains("not empty", error.ToString());
        Assert.False(File.Exists(Path.Combine(ps.Scratch("busy"), "codeenv.json")));
    }

    [Fact]
    public void Initialize_CodeEnvRoot_WhatIf_creates_nothing()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        ps.Run("Initialize-CodeEnvRoot -Path $args[0] -WhatIf", ps.Scratch("maybe")).AssertSuccess();
        Assert.False(Directory.Exists(ps.Scratch("maybe")));
    }

    [Fact]
    public void Get_CodeEnvRoot_returns_the_settings_of_the_root()
    {
        using var ps = new PowerShellSession();
        var settings = ps.Run("Get-CodeEnvRoot").Single("CodeEnv.RootSettings");
        Assert.Equal(ps.RootPath, settings.Get<string>("Root"));
        Assert.Equal(1, settings.Get<int>("Revision"));
    }

    [Fact]
    public void A_root_path_that_is_not_a_root_is_an_object_not_found_error()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        Directory.CreateDirectory(ps.Scratch("plain"));
        var error = ps.Run("Get-CodeEnv -Root $args[0]", ps.Scratch("plain")).AssertError("CodeEnvRootNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("Initialize-CodeEnvRoot", error.ToString());
    }

    [Fact]
    public void A_damaged_codeenv_json_is_an_invalid_data_error_naming_the_file()
    {
        using var ps = new PowerShellSession();
        File.WriteAllText(Path.Combine(ps.RootPath, "codeenv.json"), "{\"schemaVersion\": 1, \"administrators\": ");
        var error = ps.Run("Get-CodeEnvRoot").AssertError("RootSettingsFileDamaged", ErrorCategory.InvalidData);
        Assert.Contains("codeenv.json", error.ToString());
    }
}
