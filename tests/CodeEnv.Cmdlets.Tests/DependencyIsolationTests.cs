using System.Management.Automation;
using System.Runtime.InteropServices;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// The module under the conditions of the users' pwsh: this test host's default load context holds pwsh 7.6.5's
/// older Microsoft.Bcl.AsyncInterfaces (see the project file), and the codeenv shell holds pwsh 7.4's. CodeEnv's
/// engine and dependencies must load in a context of their own, at the versions they were built with, and leave
/// the default context's copies alone, both ways.
/// </summary>
public class DependencyIsolationTests
{
    // Each loaded assembly whose name is one of the module's dependencies, with the version and the load context it is in.
    private const string LoadedDependencies = @"
        $names = [System.IO.Directory]::GetFiles([System.IO.Path]::Combine($args[0], 'dependencies'), '*.dll') | ForEach-Object { [System.IO.Path]::GetFileNameWithoutExtension($_) }
        [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $names -contains $_.GetName().Name } | ForEach-Object {
            $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_)
            '{0}|{1}|{2}|{3}' -f $_.GetName().Name, $_.GetName().Version, ($context -eq [System.Runtime.Loader.AssemblyLoadContext]::Default), $_.Location
        }";

    private static List<(string Name, Version Version, bool InDefault, string Location)> Loaded(PowerShellSession ps) =>
        ps.Run(LoadedDependencies, RepoPaths.ModuleFolder).AssertSuccess().Output
            .Select(o => ((string)o.BaseObject).Split('|'))
            .Select(p => (p[0], Version.Parse(p[1]), bool.Parse(p[2]), p[3]))
            .ToList();

    private static Version HostCopyOf(string assembly) =>
        System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(AppContext.BaseDirectory, assembly + ".dll")).Version!;

    private static Version ModuleCopyOf(string assembly) =>
        System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(RepoPaths.ModuleFolder, "dependencies", assembly + ".dll")).Version!;

    [Fact]
    public void The_test_host_holds_an_older_Bcl_AsyncInterfaces_than_CliWrap_was_built_against()
    {
        // The condition every other test here relies on; if a package update ever aligned the two, this says so.
        Assert.True(HostCopyOf("Microsoft.Bcl.AsyncInterfaces") < ModuleCopyOf("Microsoft.Bcl.AsyncInterfaces"));
    }

    [Fact]
    public void A_pip_run_loads_the_engine_and_its_dependencies_from_the_module_in_a_context_of_their_own()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name iso -PythonVersion 3.12").AssertSuccess();

        var loaded = Loaded(ps);
        foreach (var name in new[] { "CodeEnv.Core", "CliWrap", "Microsoft.Bcl.AsyncInterfaces", "Newtonsoft.Json" })
        {
            var fromModule = loaded.Where(a => a.Name == name && !a.InDefault).ToList();
            var copy = Assert.Single(fromModule);
            Assert.Equal(ModuleCopyOf(name), copy.Version);
            Assert.StartsWith(Path.Combine(RepoPaths.ModuleFolder, "dependencies"), copy.Location);
        }
    }

    [Fact]
    public void What_dotnet_itself_provides_is_never_loaded_from_the_module_folder()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name iso -PythonVersion 3.12").AssertSuccess();

        var runtimeFolder = RuntimeEnvironment.GetRuntimeDirectory();
        foreach (var assembly in Loaded(ps).Where(a => File.Exists(Path.Combine(runtimeFolder, a.Name + ".dll"))))
        {
            Assert.True(assembly.InDefault, $"{assembly.Name} is part of .NET, yet was loaded from {assembly.Location}");
        }
    }

    [Fact]
    public void A_copy_loaded_before_CodeEnv_keeps_its_version_and_keeps_working()
    {
        using var ps = new PowerShellSession(initializeRoot: false);
        // The session already imported the module; nothing of it has loaded the dependency yet. Load the host's own first.
        var before = ps.Run("[System.Reflection.Assembly]::Load('Microsoft.Bcl.AsyncInterfaces').GetName().Version.ToString()").AssertSuccess().Output.Select(o => (string)o.BaseObject).Single();
        Assert.Equal(HostCopyOf("Microsoft.Bcl.AsyncInterfaces").ToString(), before);

        var root = ps.Scratch("root");
        ps.Run("Initialize-CodeEnvRoot -Path $args[0] | Out-Null; New-CodeEnv -Name iso -PythonVersion 3.12 -Root $args[0]", root).AssertSuccess();

        var after = ps.Run("[System.Reflection.Assembly]::Load('Microsoft.Bcl.AsyncInterfaces').GetName().Version.ToString()").AssertSuccess().Output.Select(o => (string)o.BaseObject).Single();
        Assert.Equal(before, after);
        var ofCliWrap = Loaded(ps).Single(a => a.Name == "Microsoft.Bcl.AsyncInterfaces" && !a.InDefault);
        Assert.Equal(ModuleCopyOf("Microsoft.Bcl.AsyncInterfaces"), ofCliWrap.Version);
    }

    [Fact]
    public void A_script_that_uses_the_hosts_Newtonsoft_after_CodeEnv_ran_gets_the_hosts_copy()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name iso -PythonVersion 3.12; Get-CodeEnv iso | Out-Null").AssertSuccess();

        // Another module's code, loaded after CodeEnv: the type name resolves to one assembly, the default context's.
        var used = ps.Run("[Newtonsoft.Json.JsonConvert]::SerializeObject(@{ a = 1 }); [Newtonsoft.Json.JsonConvert].Assembly.Location").AssertSuccess().Output
            .Select(o => (string)o.BaseObject).ToList();
        Assert.Equal("{\"a\":1}", used[0]);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Newtonsoft.Json.dll"), used[1]);
    }
}

/// <summary>The codeenv shell pins pwsh 7.4's versions (its project file): the module's pip runs must work there too.</summary>
public class Pwsh74ConditionsTests
{
    [Fact]
    public void Under_pwsh_7_4s_assembly_versions_a_pip_run_works_and_the_default_context_keeps_its_own_copies()
    {
        using var folder = new TempFolder();
        var root = folder.Combine("root");
        var script = """
            $before = [System.Reflection.Assembly]::Load('Microsoft.Bcl.AsyncInterfaces').GetName().Version
            Initialize-CodeEnvRoot -Path $args[0] | Out-Null
            (New-CodeEnv -Name old-pwsh -PythonVersion 3.12 -Root $args[0]).State
            Get-CodeEnvPython -Version 3.12 | Out-Null
            'default ' + $before + ' ' + [System.Reflection.Assembly]::Load('Microsoft.Bcl.AsyncInterfaces').GetName().Version
            [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Bcl.AsyncInterfaces' -and [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_) -ne [System.Runtime.Loader.AssemblyLoadContext]::Default } | ForEach-Object { 'isolated ' + $_.GetName().Version }
            """;
        var file = folder.Combine("old-pwsh.ps1");
        File.WriteAllText(file, script);

        var result = ShellProcess.Run(new[] { "-File", file, root });

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Ready", lines[0]);
        Assert.Contains("default 8.0.0.0 8.0.0.0", lines);
        var shipped = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(RepoPaths.ModuleFolder, "dependencies", "Microsoft.Bcl.AsyncInterfaces.dll")).Version;
        Assert.Contains($"isolated {shipped}", lines);
    }
}
