using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class GetCodeEnvTests
{
    private static PowerShellSession WithEnvs(params string[] names)
    {
        var ps = new PowerShellSession();
        foreach (var name in names)
        {
            ps.Run("New-CodeEnv -Name $args[0] -PythonVersion 3.11 -NoInstall", name).AssertSuccess();
        }

        return ps;
    }

    [Fact]
    public void Get_CodeEnv_lists_every_env_as_a_typed_object()
    {
        using var ps = WithEnvs("alpha", "beta");
        var envs = ps.Run("Get-CodeEnv").AssertSuccess().Output;
        Assert.Equal(new[] { "alpha", "beta" }, envs.Select(e => e.Get<string>("Name")));
        Assert.All(envs, e => Assert.Equal("CodeEnv.EnvironmentInfo", e.TypeNames[0]));
    }

    [Fact]
    public void Get_CodeEnv_matches_wildcards_regardless_of_case()
    {
        using var ps = WithEnvs("sales-eu", "Sales-US", "hr");
        var envs = ps.Run("Get-CodeEnv -Name sales*").AssertSuccess().Output;
        Assert.Equal(new[] { "sales-eu", "Sales-US" }, envs.Select(e => e.Get<string>("Name")));
    }

    [Fact]
    public void A_wildcard_that_matches_nothing_is_silent()
    {
        using var ps = WithEnvs("alpha");
        var result = ps.Run("Get-CodeEnv -Name zz*").AssertSuccess();
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_literal_name_that_does_not_exist_is_a_non_terminating_object_not_found_error()
    {
        using var ps = WithEnvs("alpha");
        var result = ps.Run("Get-CodeEnv -Name missing, alpha");
        var error = result.AssertError("CodeEnvNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("missing", error.TargetObject);
        Assert.Equal("alpha", Assert.Single(result.Output).Get<string>("Name"));
    }

    [Fact]
    public void Names_arrive_through_the_pipeline()
    {
        using var ps = WithEnvs("alpha", "beta", "gamma");
        var envs = ps.Run("'gamma', 'ALPHA' | Get-CodeEnv").AssertSuccess().Output;
        Assert.Equal(new[] { "gamma", "alpha" }, envs.Select(e => e.Get<string>("Name")));
    }

    [Fact]
    public void A_corrupt_env_json_is_a_non_terminating_error_and_the_others_still_list()
    {
        using var ps = WithEnvs("good", "bad", "fine");
        File.WriteAllText(Path.Combine(ps.RootPath, "envs", "bad", "env.json"), "{\"schemaVersion\": 1, \"name\": \"bad\", \"revision\": ");
        var result = ps.Run("Get-CodeEnv");
        var error = result.AssertError("EnvironmentFileDamaged", ErrorCategory.InvalidData);
        Assert.Contains(Path.Combine("envs", "bad", "env.json"), error.ToString());
        Assert.Equal(new[] { "fine", "good" }, result.Output.Select(e => e.Get<string>("Name")));
    }

    [Fact]
    public void An_env_json_of_a_newer_schema_is_reported_and_left_untouched()
    {
        using var ps = WithEnvs("future", "now");
        var file = Path.Combine(ps.RootPath, "envs", "future", "env.json");
        var text = File.ReadAllText(file).Replace("\"schemaVersion\": 3", "\"schemaVersion\": 7");
        File.WriteAllText(file, text);
        var result = ps.Run("Get-CodeEnv");
        var error = result.AssertError("EnvironmentFileSchemaTooNew", ErrorCategory.InvalidData);
        Assert.Contains("update the CodeEnv module", error.ToString());
        Assert.Equal("now", Assert.Single(result.Output).Get<string>("Name"));
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public void Get_CodeEnv_with_no_envs_returns_nothing()
    {
        using var ps = new PowerShellSession();
        Assert.Empty(ps.Run("Get-CodeEnv").AssertSuccess().Output);
    }
}
