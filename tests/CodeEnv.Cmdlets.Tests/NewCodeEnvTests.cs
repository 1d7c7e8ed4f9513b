using System.Diagnostics;
using System.Management.Automation;

namespace CodeEnv.Cmdlets.Tests;

public class NewCodeEnvTests
{
    [Theory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    public void New_CodeEnv_creates_a_real_venv_with_the_requested_python(string version)
    {
        using var ps = new PowerShellSession();
        var env = ps.Run("New-CodeEnv -Name analytics -PythonVersion $args[0]", version).Single("CodeEnv.EnvironmentInfo");

        Assert.Equal("analytics", env.Get<string>("Name"));
        Assert.Equal("Ready", env.Get<string>("State"));
        Assert.StartsWith(version + ".", env.Get<string>("PythonVersion"));
        Assert.Equal(ps.RootPath, env.Get<string>("Root"));
        var python = env.Get<string>("PythonPath");
        Assert.Equal(env.Get<string>("PythonVersion"), RunPython(python, "import platform; print(platform.python_version())"));
        // The stable path starts the first venv generation by its real path (see BuildBesideTests).
        Assert.Equal(Path.Combine(env.Get<string>("Path"), "venvs", "1"), RunPython(python, "import sys; print(sys.prefix)"));
    }

    [Fact]
    public void New_CodeEnv_returns_every_documented_property()
    {
        using var ps = new PowerShellSession();
        var env = ps.Run("New-CodeEnv -Name props -PythonVersion 3.12 -Description 'for reports' -NoInstall").Single("CodeEnv.EnvironmentInfo");
        foreach (var property in new[] { "Name", "Root", "PythonVersion", "Interpreter", "Path", "Description", "Owner", "UsableByAll", "State", "CreatedBy", "CreatedAt", "UpdatedBy", "UpdatedAt", "Revision" })
        {
            Assert.NotNull(env.Properties[property]);
        }

        Assert.Equal("for reports", env.Get<string>("Description"));
        Assert.Equal("Outdated", env.Get<string>("State"));
        Assert.Equal(1, env.Get<int>("Revision"));
        Assert.Equal(System.Environment.UserName, env.Get<string>("Owner"));
    }

    [Theory]
    [InlineData("bad_name")]
    [InlineData("a b")]
    [InlineData("../x")]
    [InlineData("")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("données")]
    [InlineData("CON")]
    public void New_CodeEnv_refuses_an_invalid_name_as_invalid_argument(string name)
    {
        using var ps = new PowerShellSession();
        var error = ps.Run("New-CodeEnv -Name $args[0] -PythonVersion 3.11 -NoInstall", name).AssertError("CodeEnvNameInvalid", ErrorCategory.InvalidArgument);
        Assert.Equal(name, error.TargetObject);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(ps.RootPath, "envs")));
    }

    [Fact]
    public void New_CodeEnv_refuses_a_name_that_differs_only_in_case()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name Sales -PythonVersion 3.11 -NoInstall").AssertSuccess();
        var error = ps.Run("New-CodeEnv -Name sales -PythonVersion 3.11 -NoInstall").AssertError("CodeEnvExists", ErrorCategory.ResourceExists);
        Assert.Contains("'Sales'", error.ToString());
    }

    [Fact]
    public void New_CodeEnv_of_a_python_version_not_installed_is_object_not_found_listing_the_installed()
    {
        using var ps = new PowerShellSession();
        var error = ps.Run("New-CodeEnv -Name old -PythonVersion 3.4").AssertError("PythonVersionNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("3.11.", error.ToString());
        Assert.Contains("3.12.", error.ToString());
        Assert.Empty(ps.Run("Get-CodeEnv").AssertSuccess().Output);
    }

    [Fact]
    public void New_CodeEnv_refuses_an_interpreter_that_is_not_python()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name x -Interpreter /bin/ls").AssertError("InterpreterNotPython", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void New_CodeEnv_of_a_missing_interpreter_is_object_not_found()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name x -Interpreter /no/such/python").AssertError("InterpreterNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void New_CodeEnv_with_an_explicit_interpreter_uses_exactly_it()
    {
        using var ps = new PowerShellSession();
        var python = ps.Run("(Get-CodeEnvPython -Version 3.12)[0].Path").AssertSuccess().Output.Single().ToString();
        var env = ps.Run("New-CodeEnv -Name exact -Interpreter $args[0] -NoInstall", python).Single("CodeEnv.EnvironmentInfo");
        Assert.Equal(python, env.Get<string>("Interpreter"));
    }

    [Fact]
    public void New_CodeEnv_warns_and_names_the_os_package_when_the_interpreter_has_no_Python_h()
    {
        using var ps = new PowerShellSession();
        // A real Python install without include/: the interpreter binary and its standard library, nothing else.
        var real = ps.Run("(Get-CodeEnvPython -Version 3.11 | Where-Object Source -eq 'pyenv')[0].Path").AssertSuccess().Output.Single().ToString();
        var prefix = Path.GetDirectoryName(Path.GetDirectoryName(real))!;
        var stdlib = Directory.GetDirectories(Path.Combine(prefix, "lib"), "python3.*").Single();
        var install = ps.Scratch("headerless");
        Directory.CreateDirectory(Path.Combine(install, "bin"));
        Directory.CreateDirectory(Path.Combine(install, "lib"));
        File.Copy(real, Path.Combine(install, "bin", Path.GetFileName(real)));
        File.CreateSymbolicLink(Path.Combine(install, "lib", Path.GetFileName(stdlib)), stdlib);

        var result = ps.Run("New-CodeEnv -Name nohdr -Interpreter $args[0] -NoInstall", Path.Combine(install, "bin", Path.GetFileName(real))).AssertSuccess();
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Python.h", warning);
        Assert.Matches("python3(\\.11)?-dev|python3-devel", warning);
    }

    [Fact]
    public void New_CodeEnv_WhatIf_creates_nothing()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv -Name maybe -PythonVersion 3.11 -WhatIf").AssertSuccess();
        Assert.Empty(ps.Run("Get-CodeEnv").AssertSuccess().Output);
    }

    [Fact]
    public void New_CodeEnv_reports_progress_and_streams_the_venv_output_to_verbose()
    {
        // The first env of an interpreter in a root runs `python -m venv` for the seed; later ones are laid out from it.
        using var ps = new PowerShellSession(sharedSeeds: false);
        var result = ps.Run("New-CodeEnv -Name chatty -PythonVersion 3.11 -Verbose").AssertSuccess();
        Assert.Contains(result.Verbose, v => v.Contains("-m venv"));
        Assert.Contains(result.Progress, p => p.StatusDescription.Contains("virtual environment"));
        Assert.Equal(ProgressRecordType.Completed, result.Progress.Last().RecordType);
    }

    [Fact]
    public void New_CodeEnv_installs_base_packages_and_a_pip_failure_leaves_no_env_and_no_reserved_name()
    {
        using var ps = new PowerShellSession();
        ps.EditRootSettings(s =>
        {
            s["basePackages"] = new Newtonsoft.Json.Linq.JArray("no-such-package-anywhere");
            s["packageSources"]!["noIndex"] = true;
        });
        var error = ps.Run("New-CodeEnv -Name broken -PythonVersion 3.11").AssertError("PythonCommandFailed", ErrorCategory.InvalidOperation);
        Assert.Contains("no-such-package-anywhere", error.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(ps.RootPath, "envs")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(ps.RootPath, "state", "names")));

        CodeEnv.TestSupport.WheelBuilder.Write(Path.Combine(ps.RootPath, "wheelhouse"), "no-such-package-anywhere", "2.0");
        var env = ps.Run("New-CodeEnv -Name broken -PythonVersion 3.11").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal("2.0", RunPython(env.Get<string>("PythonPath"), "import no_such_package_anywhere as m; print(m.__version__)"));
    }

    [Fact]
    public void New_CodeEnv_takes_names_and_versions_from_the_pipeline_by_property_name()
    {
        using var ps = new PowerShellSession();
        var created = ps.Run("@([pscustomobject]@{ Name = 'one'; PythonVersion = '3.11' }, [pscustomobject]@{ Name = 'two'; PythonVersion = '3.12'; Description = 'second' }) | New-CodeEnv -NoInstall").AssertSuccess().Output;
        Assert.Equal(new[] { "one", "two" }, created.Select(e => e.Get<string>("Name")));
        Assert.StartsWith("3.12.", created[1].Get<string>("PythonVersion"));
        Assert.Equal("second", created[1].Get<string>("Description"));
    }

    private static string RunPython(string python, string code)
    {
        using var process = Process.Start(new ProcessStartInfo(python, new[] { "-c", code }) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
