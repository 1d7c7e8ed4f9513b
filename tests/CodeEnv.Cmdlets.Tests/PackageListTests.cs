using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>Editing the requested list: these cmdlets only save (no pip), so the envs are made with -NoInstall.</summary>
public class PackageListTests
{
    private static PowerShellSession WithEnv(string name = "lists", string extra = "")
    {
        var ps = PackageSession.Create();
        ps.Run($"New-CodeEnv -Name {name} -PythonVersion 3.12 -NoInstall {extra}").AssertSuccess();
        return ps;
    }

    private static string[] Requested(PowerShellSession ps, string name = "lists") =>
        ps.Run($"Get-CodeEnvPackage -Name {name} -Kind Requested | ForEach-Object Line").AssertSuccess().Output.Select(o => o.ToString()).ToArray();

    [Fact]
    public void A_requirements_file_round_trips_through_Set_CodeEnvPackage()
    {
        using var ps = WithEnv();
        var file = ps.Scratch("requirements.txt");
        File.WriteAllText(file, "# analytics\nalpha>=1.0,<3  # pinned below 3\n\nScikit_Learn==1.5.2 ; python_version >= \"3.9\"\ngamma[fast] \\\n  ==1.0\n--pre\n");

        ps.Run("Set-CodeEnvPackage -Name lists -Path $args[0]", file).AssertSuccess();

        Assert.Equal(new[] { "alpha>=1.0,<3", "Scikit_Learn==1.5.2 ; python_version >= \"3.9\"", "gamma[fast]   ==1.0", "--pre" }, Requested(ps));
        var sklearn = ps.Run("Get-CodeEnvPackage -Name lists | Where-Object Name -eq Scikit_Learn").AssertSuccess().Output.Single();
        Assert.Equal("==1.5.2", sklearn.Get<string>("Specifier"));
        Assert.Equal("User", sklearn.Get<string>("Source"));
        Assert.Equal("lists", sklearn.Get<string>("EnvironmentName"));
    }

    [Fact]
    public void Saving_packages_marks_the_env_Outdated_as_a_new_revision()
    {
        using var ps = WithEnv();
        var before = ps.Run("Get-CodeEnv lists").Single("CodeEnv.EnvironmentInfo").Get<int>("Revision");
        var after = ps.Run("Add-CodeEnvPackage -Name lists -Requirement 'alpha==1.0' -PassThru").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal(before + 1, after.Get<int>("Revision"));
        Assert.Equal("Outdated", after.Get<string>("State"));
        Assert.Equal("The package lists changed; Update-CodeEnv installs them.", after.Get<string>("StateDetail"));
    }

    [Fact]
    public void Every_bad_line_is_reported_at_once_with_its_number_and_reason_and_nothing_changes()
    {
        using var ps = WithEnv();
        ps.Run("Set-CodeEnvPackage lists 'alpha'").AssertSuccess();

        var error = ps.Run("Set-CodeEnvPackage lists 'beta==1.0', 'gamma>=>1', 'delta @ not a url', '--frobnicate', 'zeta; python_version <<< \"3\"'")
            .AssertError("RequirementInvalid", ErrorCategory.InvalidArgument);

        var message = error.Exception.Message;
        Assert.StartsWith("4 requirement lines are not valid", message);
        Assert.Contains("line 2: 'gamma>=>1'", message);
        Assert.Contains("line 3: 'delta @ not a url'", message);
        Assert.Contains("line 4: '--frobnicate'", message);
        Assert.Contains("line 5:", message);
        Assert.Equal(new[] { "alpha" }, Requested(ps));
    }

    [Fact]
    public void A_line_twice_for_one_package_is_refused()
    {
        using var ps = WithEnv();
        var error = ps.Run("Set-CodeEnvPackage lists 'alpha==1.0', 'Alpha>=2'").AssertError("RequirementDuplicated", ErrorCategory.InvalidArgument);
        Assert.Contains("line 1 'alpha==1.0' and line 2 'Alpha>=2'", error.Exception.Message);
    }

    [Fact]
    public void A_relative_path_is_refused_since_it_depends_on_who_runs_the_update()
    {
        using var ps = WithEnv();
        ps.Run("Add-CodeEnvPackage lists './dist/pkg-1.0.tar.gz'").AssertError("RequirementPathRelative", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void Add_CodeEnvPackage_replaces_the_line_of_a_package_already_requested()
    {
        using var ps = WithEnv();
        ps.Run("Set-CodeEnvPackage lists 'alpha==1.0', 'beta'").AssertSuccess();
        ps.Run("Add-CodeEnvPackage lists 'ALPHA>=2', 'gamma'").AssertSuccess();
        Assert.Equal(new[] { "ALPHA>=2", "beta", "gamma" }, Requested(ps));
    }

    [Fact]
    public void Remove_CodeEnvPackage_compares_names_as_pip_does()
    {
        using var ps = WithEnv();
        ps.Run("Set-CodeEnvPackage lists 'scikit-learn', 'beta'").AssertSuccess();
        ps.Run("Remove-CodeEnvPackage lists -PackageName Scikit_Learn").AssertSuccess();
        Assert.Equal(new[] { "beta" }, Requested(ps));
    }

    [Fact]
    public void Removing_a_package_that_is_not_requested_is_an_error_and_removes_nothing()
    {
        using var ps = WithEnv();
        ps.Run("Set-CodeEnvPackage lists 'alpha', 'beta'").AssertSuccess();
        ps.Run("Remove-CodeEnvPackage lists -PackageName alpha, numpy").AssertError("PackageNotRequested", ErrorCategory.ObjectNotFound);
        Assert.Equal(new[] { "alpha", "beta" }, Requested(ps));
    }

    [Fact]
    public void Requirements_piped_from_Get_CodeEnvPackage_are_removed_from_their_env()
    {
        using var ps = WithEnv();
        ps.Run("Set-CodeEnvPackage lists 'alpha', 'beta', 'gamma'").AssertSuccess();
        ps.Run("Get-CodeEnvPackage lists -Kind Requested | Where-Object Name -ne beta | Remove-CodeEnvPackage").AssertSuccess();
        Assert.Equal(new[] { "beta" }, Requested(ps));
    }

    [Fact]
    public void A_root_base_package_cannot_be_requested_changed_or_removed()
    {
        using var ps = WithEnv();
        ps.Run("Set-CodeEnvRoot -BasePackage 'beta>=1.0'").AssertSuccess();

        var add = ps.Run("Add-CodeEnvPackage lists 'Beta==1.0'").AssertError("BasePackageProtected", ErrorCategory.InvalidArgument);
        Assert.Contains("required by the root's base packages (Set-CodeEnvRoot -BasePackage)", add.Exception.Message);
        ps.Run("Remove-CodeEnvPackage lists -PackageName beta").AssertError("BasePackageProtected", ErrorCategory.InvalidArgument);

        var beta = ps.Run("Get-CodeEnvPackage lists -Kind Base").AssertSuccess().Output.Single();
        Assert.Equal(("beta", "Root"), (beta.Get<string>("Name"), beta.Get<string>("Source")));
    }

    [Fact]
    public void Jupyter_support_adds_the_kernel_as_a_base_package_that_names_its_setting()
    {
        using var ps = WithEnv("nb", "-JupyterSupport");
        var kernel = ps.Run("Get-CodeEnvPackage nb -Kind Base").AssertSuccess().Output.Single();
        Assert.Equal(("ipykernel", "JupyterSupport"), (kernel.Get<string>("Name"), kernel.Get<string>("Source")));

        var error = ps.Run("Remove-CodeEnvPackage nb -PackageName ipykernel").AssertError("BasePackageProtected", ErrorCategory.InvalidArgument);
        Assert.Contains("Jupyter support (Set-CodeEnv -JupyterSupport $false)", error.Exception.Message);

        ps.Run("Set-CodeEnv nb -JupyterSupport $false").AssertSuccess();
        Assert.Empty(ps.Run("Get-CodeEnvPackage nb -Kind Base").AssertSuccess().Output);
    }

    [Fact]
    public void A_package_set_adds_its_lines_once_and_is_recorded_on_the_env()
    {
        using var ps = WithEnv();
        ps.EditRootSettings(s => s["packageSets"]!["Team Basics"] = new Newtonsoft.Json.Linq.JArray("alpha>=1", "beta", "gamma"));
        ps.Run("Set-CodeEnvPackage lists 'beta==1.0'").AssertSuccess();

        var env = ps.Run("Get-CodeEnvPackageSet 'team basics' | Add-CodeEnvPackageSet -Name lists -PassThru").Single("CodeEnv.EnvironmentInfo");

        Assert.Equal(new[] { "beta==1.0", "alpha>=1", "gamma" }, Requested(ps));
        Assert.Equal(new[] { "Team Basics" }, ps.Run("(Get-CodeEnv lists).PackageSets").AssertSuccess().Output.Select(o => o.ToString()));
        var sources = ps.Run("Get-CodeEnvPackage lists -Kind Requested | ForEach-Object Source").AssertSuccess().Output.Select(o => o.ToString());
        Assert.Equal(new[] { "Set:Team Basics", "Set:Team Basics", "Set:Team Basics" }, sources);
    }

    [Fact]
    public void An_unknown_package_set_is_not_found_and_names_the_sets_there_are()
    {
        using var ps = WithEnv();
        var error = ps.Run("Add-CodeEnvPackageSet lists -SetName 'Quantum'").AssertError("PackageSetNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("'Visual Machine Learning'", error.Exception.Message);
    }

    [Fact]
    public void New_CodeEnv_validates_requirements_before_creating_anything()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name early -PythonVersion 3.12 -Requirement 'ok', 'bad==>1'").AssertError("RequirementInvalid", ErrorCategory.InvalidArgument);
        Assert.Empty(ps.Run("Get-CodeEnv").AssertSuccess().Output);
    }

    [Fact]
    public void WhatIf_saves_nothing()
    {
        using var ps = WithEnv();
        ps.Run("Add-CodeEnvPackage lists 'alpha' -WhatIf").AssertSuccess();
        Assert.Empty(Requested(ps));
    }

    [Fact]
    public void New_CodeEnv_adds_the_lines_of_the_package_sets_it_names()
    {
        using var ps = PackageSession.Create();
        ps.EditRootSettings(s => s["packageSets"]!["Team Basics"] = new Newtonsoft.Json.Linq.JArray("alpha>=1", "gamma"));
        ps.Run("New-CodeEnv -Name withset -PythonVersion 3.12 -NoInstall -Requirement 'beta' -PackageSet 'team basics'").AssertSuccess();
        Assert.Equal(new[] { "beta", "alpha>=1", "gamma" }, Requested(ps, "withset"));
        ps.Run("New-CodeEnv -Name noset -PythonVersion 3.12 -NoInstall -PackageSet 'Quantum'").AssertError("PackageSetNotFound", ErrorCategory.ObjectNotFound);
    }
}

public class PackageListUpdateOnceTests
{
    [Fact]
    public void Update_on_a_pipeline_of_many_lines_updates_each_env_once_after_the_last_line()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name one -PythonVersion 3.12 -Requirement 'alpha==1.0', 'gamma', 'epsilon'; New-CodeEnv -Name two -PythonVersion 3.12 -Requirement 'delta', 'stray'").AssertSuccess();

        var removed = ps.Run("@(Get-CodeEnvPackage one -Kind Requested; Get-CodeEnvPackage two -Kind Requested) | Where-Object Name -ne 'alpha' | Remove-CodeEnvPackage -Update -PassThru -Verbose");

        // Four lines came down the pipeline; each env was updated (decided) once, and each is written once, updated.
        Assert.Equal(new[] { "one", "two" }, removed.AssertSuccess().Output.Select(o => o.Get<string>("Name")));
        Assert.All(removed.Output, env => Assert.Equal("Ready", env.Get<string>("State")));
        Assert.Equal(2, removed.Verbose.Count(v => v.StartsWith("Nothing to do:") || v.StartsWith("pip is needed:")));
        Assert.Equal(new[] { "alpha==1.0" }, ps.Run("Get-CodeEnvPackage one -Kind Requested | ForEach-Object Line").Output.Select(o => o.ToString()));
        Assert.Empty(ps.Run("Get-CodeEnvPackage two -Kind Requested").AssertSuccess().Output);
    }
}
