using System.Management.Automation;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

public class ModuleTests
{
    public static readonly string[] CmdletNames =
    {
        "Initialize-CodeEnvRoot", "Get-CodeEnvRoot", "Get-CodeEnvPython", "New-CodeEnv", "Get-CodeEnv", "Set-CodeEnv", "Remove-CodeEnv",
        "Get-CodeEnvInstalledPackage", "Get-CodeEnvPackageSet", "Set-CodeEnvRoot", "Update-CodeEnv", "Test-CodeEnv", "Get-CodeEnvLog",
        "Get-CodeEnvPackage", "Set-CodeEnvPackage", "Add-CodeEnvPackage", "Remove-CodeEnvPackage", "Add-CodeEnvPackageSet", "Publish-CodeEnvPackage", "Publish-CodeEnvResource",
        "Get-CodeEnvPermission", "Grant-CodeEnvPermission", "Revoke-CodeEnvPermission", "Invoke-CodeEnvPython", "Get-CodeEnvHistory", "Restore-CodeEnv", "Start-CodeEnvService",
        "New-CodeEnvContainerConfig", "Get-CodeEnvContainerConfig", "Remove-CodeEnvContainerConfig", "Export-CodeEnvContainerFile", "Update-CodeEnvImage", "Get-CodeEnvImage", "Export-CodeEnv", "Export-CodeEnvSbom", "Import-CodeEnv",
        "Register-CodeEnv", "Copy-CodeEnv", "Compare-CodeEnv", "Get-CodeEnvStore", "Remove-CodeEnvStoreItem",
        "Import-CodeEnvAdvisoryDatabase", "Get-CodeEnvVulnerability", "Repair-CodeEnvVulnerability",
        "Add-CodeEnvConsumer", "Remove-CodeEnvConsumer", "Get-CodeEnvUsage", "Get-CodeEnvUnused",
        "Lock-CodeEnv", "Unlock-CodeEnv", "Disable-CodeEnv", "Enable-CodeEnv",
    };

    [Fact]
    public void The_built_manifest_passes_Test_ModuleManifest()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var manifest = ps.Run("Test-ModuleManifest -Path $args[0]", RepoPaths.ModuleManifest).Single("System.Management.Automation.PSModuleInfo");
        Assert.Equal("CodeEnv", manifest.Get<string>("Name"));
    }

    [Fact]
    public void The_manifest_declares_both_editions_and_PowerShell_5_1()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var module = ps.Run("Test-ModuleManifest -Path $args[0]", RepoPaths.ModuleManifest).Single("System.Management.Automation.PSModuleInfo");
        Assert.Equal(new[] { "Core", "Desktop" }, module.Get<string[]>("CompatiblePSEditions"));
        Assert.Equal(new Version(5, 1), module.Get<Version>("PowerShellVersion"));
    }

    [Fact]
    public void The_manifest_has_a_real_licence_and_release_notes_and_no_placeholder_address()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var module = ps.Run("Test-ModuleManifest -Path $args[0]", RepoPaths.ModuleManifest).Single("System.Management.Automation.PSModuleInfo");
        Assert.Equal("https://opensource.org/license/mit", module.Get<Uri>("LicenseUri").ToString());
        Assert.Null(module.Properties["ProjectUri"].Value);
        Assert.Contains("AssemblyLoadContext", module.Get<string>("ReleaseNotes"));
        Assert.True(File.Exists(Path.Combine(RepoPaths.ModuleFolder, "LICENSE")));
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(RepoPaths.Repo, "LICENSE")));
        Assert.DoesNotContain("example.invalid", File.ReadAllText(RepoPaths.ModuleManifest));
    }

    [Fact]
    public void Parameters_that_take_a_fixed_set_of_values_are_typed_as_enums()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var types = ps.Run("""
            foreach ($p in 'New-CodeEnv:ContainerSelection', 'Set-CodeEnv:ContainerSelection', 'Grant-CodeEnvPermission:Permission', 'Revoke-CodeEnvPermission:Permission', 'Get-CodeEnvPackage:Kind') {
                $command, $parameter = $p -split ':'
                $type = (Get-Command $command).Parameters[$parameter].ParameterType
                if ($type.IsGenericType) { $type = $type.GetGenericArguments()[0] }
                '{0} {1}' -f $p, $type.IsEnum
            }
            """).AssertSuccess().Output.Select(o => (string)o.BaseObject);
        Assert.All(types, t => Assert.EndsWith(" True", t));
    }

    [Fact]
    public void The_manifest_lists_every_exported_cmdlet_explicitly()
    {
        var text = File.ReadAllText(RepoPaths.ModuleManifest);
        Assert.DoesNotContain("CmdletsToExport      = '*'", text);
        using var ps = new PowerShellSession(initializeRoot: false);
        var exported = ps.Run("(Get-Command -Module CodeEnv).Name").AssertSuccess().Output.Select(o => (string)o.BaseObject).OrderBy(n => n);
        Assert.Equal(CmdletNames.OrderBy(n => n), exported);
        foreach (var cmdlet in CmdletNames)
        {
            Assert.Contains($"'{cmdlet}'", text);
        }
    }

    [Fact]
    public void The_module_folder_keeps_dependencies_apart_and_never_ships_System_Management_Automation()
    {
        var files = Directory.GetFiles(RepoPaths.ModuleFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(RepoPaths.ModuleFolder, f).Replace('\\', '/')).ToList();
        Assert.Contains("CodeEnv.psd1", files);
        Assert.Contains("CodeEnv.Cmdlets.dll", files);
        Assert.Contains("CodeEnv.Format.ps1xml", files);
        Assert.Contains("dependencies/CodeEnv.Core.dll", files);
        Assert.Contains("dependencies/Newtonsoft.Json.dll", files);
        Assert.Contains("dependencies/CliWrap.dll", files);
        Assert.DoesNotContain(files, f => f.EndsWith("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(new[] { "CodeEnv.Cmdlets.dll", "CodeEnv.Isolation.dll" }, files.Where(f => f.EndsWith(".dll") && !f.StartsWith("dependencies/")).OrderBy(f => f));
    }

    [Fact]
    public void Every_cmdlet_that_emits_objects_declares_its_output_type()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        foreach (var cmdlet in CmdletNames.Where(c => c != "Remove-CodeEnv" && c != "Remove-CodeEnvContainerConfig" && c != "Remove-CodeEnvStoreItem" && c != "Remove-CodeEnvConsumer" && c != "Start-CodeEnvService"))
        {
            var types = ps.Run("(Get-Command $args[0]).OutputType.Name", cmdlet).AssertSuccess().Output;
            Assert.True(types.Count > 0, cmdlet + " declares no OutputType");
            // Invoke-CodeEnvPython passes python's output lines on, as strings.
            Assert.StartsWith(cmdlet switch { "Invoke-CodeEnvPython" => "System.String", "Export-CodeEnv" or "Export-CodeEnvSbom" or "Export-CodeEnvContainerFile" => "System.IO.FileInfo", _ => "CodeEnv." }, (string)types[0].BaseObject);
        }
    }

    [Fact]
    public void Every_changing_cmdlet_supports_WhatIf_and_Confirm()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        foreach (var cmdlet in new[] { "Initialize-CodeEnvRoot", "New-CodeEnv", "Set-CodeEnv", "Remove-CodeEnv", "Remove-CodeEnvStoreItem", "Import-CodeEnvAdvisoryDatabase", "Repair-CodeEnvVulnerability", "Add-CodeEnvConsumer", "Remove-CodeEnvConsumer" })
        {
            var parameters = ps.Run("(Get-Command $args[0]).Parameters.Keys", cmdlet).AssertSuccess().Output.Select(o => (string)o.BaseObject).ToList();
            Assert.Contains("WhatIf", parameters);
            Assert.Contains("Confirm", parameters);
        }
    }

    [Fact]
    public void Remove_CodeEnv_has_high_confirm_impact()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        var impact = ps.Run("(Get-Command Remove-CodeEnv).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact").AssertSuccess().Output;
        Assert.Equal(ConfirmImpact.High, (ConfirmImpact)Assert.Single(impact).BaseObject);
    }

    [Fact]
    public void Every_cmdlet_has_help_with_a_synopsis_parameter_descriptions_and_an_example()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        foreach (var cmdlet in CmdletNames)
        {
            var help = ps.Run("Get-Help $args[0] -Full", cmdlet).AssertSuccess().Output.Single();
            var synopsis = ps.Run("param($h) $h.Synopsis", help).Output.Single().ToString();
            Assert.False(string.IsNullOrWhiteSpace(synopsis) || synopsis.StartsWith(cmdlet, StringComparison.Ordinal), cmdlet + " has no synopsis");
            var examples = ps.Run("$args[0].Examples.Example.Count", help).Output.Single();
            Assert.True((int)examples.BaseObject >= 1, cmdlet + " has no example");
            var undocumented = ps.Run(
                "$h = $args[0]; $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters; " +
                "(Get-Command $h.Name).Parameters.Keys | Where-Object { $_ -notin $common } | Where-Object { $n = $_; -not ($h.parameters.parameter | Where-Object { $_.name -eq $n -and $_.description }) }",
                help).AssertSuccess().Output.Select(o => o.ToString()).ToList();
            Assert.True(undocumented.Count == 0, $"{cmdlet} parameters without a description: {string.Join(", ", undocumented)}");
        }
    }
}
