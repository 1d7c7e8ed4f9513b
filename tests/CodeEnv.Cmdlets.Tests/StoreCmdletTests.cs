using System.Management.Automation;
using CodeEnv.TestSupport;
using static CodeEnv.TestSupport.StoreFixture;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>Get-CodeEnvStore and Remove-CodeEnvStoreItem as an administrator's script sees them.</summary>
public class StoreCmdletTests : IDisposable
{
    private readonly PowerShellSession ps = new();

    private Locked Stored(string name, string version = "1.0") =>
        StoreWheel(ps.RootPath, WheelBuilder.Write(ps.Scratch("dist"), name, version), "cpython-312");

    [Fact]
    public void Get_CodeEnvStore_writes_a_StoreItem_per_wheel_with_the_generations_that_use_it()
    {
        var alpha = Stored("alpha");
        RecordGeneration(ps.RootPath, "etl", 1, current: false, alpha);
        RecordGeneration(ps.RootPath, "etl", 2, current: true, alpha);

        var item = ps.Run("Get-CodeEnvStore").Single("CodeEnv.StoreItem");

        Assert.Equal(("alpha", "1.0", alpha.Sha256, alpha.FileName, true), (item.Get<string>("Name"), item.Get<string>("Version"), item.Get<string>("Sha256"), item.Get<string>("FileName"), item.Get<bool>("InUse")));
        Assert.Equal("etl (current), etl (kept 1)", item.Properties["UsedBy"].Value.ToString());
        Assert.Equal(ps.RootPath, item.Get<string>("Root"));
    }

    [Fact]
    public void The_sum_of_SizeBytes_is_what_the_stores_wheels_hold()
    {
        Stored("alpha");
        Stored("beta");

        var sum = ps.Run("$sum = 0; Get-CodeEnvStore | ForEach-Object { $sum += $_.SizeBytes }; $sum").AssertSuccess().Output.Single();

        var files = new[] { "artifacts", "trees", "bytecode" }.SelectMany(f => Directory.GetFiles(Path.Combine(ps.RootPath, "store", f), "*", SearchOption.AllDirectories));
        Assert.Equal((double)files.Sum(f => new FileInfo(f).Length), Convert.ToDouble(sum.BaseObject));
    }

    [Fact]
    public void Unused_items_piped_to_Remove_CodeEnvStoreItem_go_and_used_ones_stay()
    {
        var used = Stored("alpha");
        var unused = Stored("beta");
        RecordGeneration(ps.RootPath, "etl", 1, current: true, used);

        ps.Run("Get-CodeEnvStore -Unused | Remove-CodeEnvStoreItem -Confirm:$false").AssertSuccess();

        var left = Assert.Single(ps.Run("Get-CodeEnvStore").AssertSuccess().Output);
        Assert.Equal(used.Sha256, left.Get<string>("Sha256"));
        Assert.False(Directory.Exists(Path.Combine(ps.RootPath, "store", "trees", unused.Sha256)));
    }

    [Fact]
    public void Remove_CodeEnvStoreItem_WhatIf_removes_nothing()
    {
        Stored("beta");

        ps.Run("Get-CodeEnvStore -Unused | Remove-CodeEnvStoreItem -WhatIf").AssertSuccess();

        Assert.Single(ps.Run("Get-CodeEnvStore -Unused").AssertSuccess().Output);
    }

    [Fact]
    public void Removing_a_wheel_a_generation_uses_is_an_error_naming_its_users_and_the_others_go()
    {
        var used = Stored("alpha");
        var unused = Stored("beta");
        RecordGeneration(ps.RootPath, "etl", 3, current: false, used);
        RecordGeneration(ps.RootPath, "etl", 4, current: true);

        var result = ps.Run("Get-CodeEnvStore | Remove-CodeEnvStoreItem -Confirm:$false");

        var error = result.AssertError("StoredWheelInUse", ErrorCategory.InvalidOperation);
        Assert.Equal(used.Sha256, error.TargetObject);
        Assert.Contains("used by etl (kept 3)", error.Exception.Message);
        Assert.Equal(used.Sha256, Assert.Single(ps.Run("Get-CodeEnvStore").AssertSuccess().Output).Get<string>("Sha256"));
        Assert.DoesNotContain(unused.Sha256, Directory.GetDirectories(Path.Combine(ps.RootPath, "store", "artifacts")).Select(Path.GetFileName));
    }

    [Fact]
    public void Remove_CodeEnvStoreItem_says_what_it_removed_on_Verbose()
    {
        var unused = Stored("beta");

        var result = ps.Run("Remove-CodeEnvStoreItem -Sha256 $args[0] -Confirm:$false -Verbose", unused.Sha256).AssertSuccess();

        Assert.Contains(result.Verbose, v => v.Contains($"Removed {unused.FileName} ({unused.Sha256})"));
    }

    public void Dispose() => ps.Dispose();
}
