using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

public class ShellTests
{
    [Fact]
    public void The_quickstart_runs_offline_to_the_end()
    {
        var result = ShellProcess.Run(new[] { "-File", Path.Combine(RepoPaths.Repo, "examples", "quickstart.ps1") });
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("quickstart", result.Output);
        Assert.Contains("pip", result.Output);
        Assert.Contains("Environments left: 0", result.Output);
    }

    [Fact]
    public void The_adopt_and_kernel_example_runs_offline_to_the_end()
    {
        var result = ShellProcess.Run(new[] { "-File", Path.Combine(RepoPaths.Repo, "examples", "adopt-and-kernel.ps1") });
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Requested: report-kit==0.9.0", result.Output);
        Assert.Contains("ipykernel_launcher", result.Output);
        Assert.Contains("legacy-reports   managed: False", result.Output);
        Assert.Contains("Refused, as it should be", result.Output);
        Assert.Contains("Hand-made venv still there: True; kernel left: False", result.Output);
    }

    [Fact]
    public void The_shell_imports_its_own_copy_of_the_module_with_the_engine_compiled_ahead_of_time()
    {
        var result = ShellProcess.Run(new[] { "-Command", "(Get-Module CodeEnv).ModuleBase" });
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var besideShell = Path.Combine(Path.GetDirectoryName(RepoPaths.Shell)!, "CodeEnv");
        Assert.Equal(besideShell, result.Output.Trim());

        foreach (var assembly in new[] { "CodeEnv.Cmdlets.dll", "dependencies/CodeEnv.Core.dll", "dependencies/StreamJsonRpc.dll", "dependencies/Nerdbank.MessagePack.dll" })
        {
            Assert.True(IsCompiledAheadOfTime(Path.Combine(besideShell, assembly)), assembly + " beside the shell is IL only");
        }

        // The module users import into pwsh and Windows PowerShell stays IL only.
        Assert.False(IsCompiledAheadOfTime(Path.Combine(RepoPaths.ModuleFolder, "dependencies", "CodeEnv.Core.dll")));
    }

    // A ReadyToRun image carries native code behind its CLI header's managed native header.
    private static bool IsCompiledAheadOfTime(string assembly)
    {
        using var reader = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    [Theory]
    [InlineData("Get-CodeEnv -Root /nonexistent -ErrorAction SilentlyContinue; 'after'")]
    [InlineData("Get-CodeEnv -Root /nonexistent -ErrorAction Ignore; 'after'")]
    [InlineData("try { Get-CodeEnv -Root /nonexistent -ErrorAction Stop } catch { 'handled' }; 'after'")]
    [InlineData("$ErrorActionPreference = 'SilentlyContinue'; Get-CodeEnv -Name missing -Root /nonexistent; 'after'")]
    public void An_error_the_script_silenced_or_caught_is_neither_printed_nor_counted(string script)
    {
        var result = ShellProcess.Run(new[] { "-Command", script });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.EndsWith("after", result.Output.Trim());
    }

    [Fact]
    public void A_script_terminating_error_prints_and_exits_1()
    {
        var result = ShellProcess.Run(new[] { "-Command", "throw 'the job cannot go on'; 'never'" });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the job cannot go on", result.Error);
        Assert.DoesNotContain("never", result.Output);
    }

    [Fact]
    public void Errors_go_to_stderr_and_make_the_exit_code_non_zero()
    {
        using var ps = new PowerShellSession();
        var result = ShellProcess.Run(new[] { "-Command", $"Get-CodeEnv -Name missing -Root '{ps.RootPath}'; 'after'" });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no environment named 'missing'", result.Error);
        Assert.Contains("after", result.Output);
        Assert.DoesNotContain("missing", result.Output);
    }

    [Fact]
    public void A_clean_run_exits_zero_and_renders_output_with_the_module_views()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name viewed -PythonVersion 3.11 -NoInstall").AssertSuccess();
        var result = ShellProcess.Run(new[] { "-Command", $"Get-CodeEnv -Root '{ps.RootPath}'" });
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Name\s+Python\s+State\s+Owner\s+Rev\s+Description", result.Output);
        Assert.DoesNotContain("\u001b[", result.Output);
    }

    [Fact]
    public void A_script_file_gets_its_arguments_and_its_exit_code_is_returned()
    {
        using var folder = new TempFolder();
        var script = folder.Combine("job.ps1");
        File.WriteAllText(script, "param($Code) \"got $Code\"; exit $Code");
        var result = ShellProcess.Run(new[] { "-File", script, "3" });
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("got 3", result.Output);
    }

    [Fact]
    public void A_script_file_gets_named_parameters_and_switches_as_pwsh_File_gives_them()
    {
        using var folder = new TempFolder();
        var script = folder.Combine("named.ps1");
        File.WriteAllText(script, "param([string] $Version, [int] $Runs, [switch] $Force, [string] $Text) \"$Version|$Runs|$Force|$Text\"");
        var result = ShellProcess.Run(new[] { "-File", script, "-Version", "3.12", "-Force", "-Runs:5", "-Text", "it's $(no) expansion" });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("3.12|5|True|it's $(no) expansion", result.Output.Trim());
    }

    [Fact]
    public void The_root_comes_from_CODEENV_ROOT_when_no_parameter_names_one()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name fromvar -PythonVersion 3.11 -NoInstall").AssertSuccess();
        var result = ShellProcess.Run(new[] { "-Command", "(Get-CodeEnv).Name" }, new Dictionary<string, string?> { ["CODEENV_ROOT"] = ps.RootPath });
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("fromvar", result.Output.Trim());
    }

    [Fact]
    public void With_no_root_configured_the_error_names_the_parameter_the_variable_and_the_config_file()
    {
        Assert.False(File.Exists("/etc/codeenv/config.json"), "This test needs a machine without /etc/codeenv/config.json.");
        var result = ShellProcess.Run(new[] { "-Command", "Get-CodeEnv" });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("-Root", result.Error);
        Assert.Contains("CODEENV_ROOT", result.Error);
        Assert.Contains("/etc/codeenv/config.json", result.Error);
    }

    [Fact]
    public void A_confirmation_without_a_terminal_fails_with_advice_instead_of_hanging()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name asks -PythonVersion 3.11 -NoInstall").AssertSuccess();
        var result = ShellProcess.Run(new[] { "-Command", $"Remove-CodeEnv -Name asks -Root '{ps.RootPath}'" });
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("-Confirm:$false", result.Error);
        Assert.Single(ps.Run("Get-CodeEnv").AssertSuccess().Output);
    }
}
