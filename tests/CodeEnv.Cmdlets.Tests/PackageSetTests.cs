using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class PackageSetTests
{
    [Fact]
    public void A_new_root_ships_the_visual_machine_learning_and_deep_learning_sets()
    {
        using var ps = new PowerShellSession();
        var sets = ps.Run("Get-CodeEnvPackageSet").AssertSuccess().Output;
        Assert.All(sets, s => Assert.Equal("CodeEnv.PackageSet", s.TypeNames[0]));
        var visual = sets.Single(s => s.Get<string>("SetName") == "Visual Machine Learning");
        Assert.Equal(new[] { "scipy", "scikit-learn", "jinja2", "xgboost" }, visual.Get<string[]>("Packages"));
        foreach (var name in new[] { "Deep Learning with TensorFlow (CPU)", "Deep Learning with TensorFlow (GPU)", "Deep Learning with PyTorch (CPU)", "Deep Learning with PyTorch (GPU)" })
        {
            Assert.Contains(sets, s => s.Get<string>("SetName") == name);
        }
    }

    [Fact]
    public void Set_names_match_wildcards_regardless_of_case()
    {
        using var ps = new PowerShellSession();
        var sets = ps.Run("Get-CodeEnvPackageSet -SetName 'deep learning*(cpu)'").AssertSuccess().Output;
        Assert.Equal(new[] { "Deep Learning with PyTorch (CPU)", "Deep Learning with TensorFlow (CPU)" }, sets.Select(s => s.Get<string>("SetName")));
    }

    [Fact]
    public void A_literal_set_name_that_does_not_exist_is_object_not_found_and_a_wildcard_is_silent()
    {
        using var ps = new PowerShellSession();
        var error = ps.Run("Get-CodeEnvPackageSet -SetName 'Quantum Computing'").AssertError("PackageSetNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("Visual Machine Learning", error.ToString());
        Assert.Empty(ps.Run("Get-CodeEnvPackageSet -SetName 'Quantum*'").AssertSuccess().Output);
    }
}
