using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Envs with Jupyter support get a kernel spec that Jupyter itself finds. No index is reachable here, so the env's
/// ipykernel is a small stand-in wheel of that name the tests build (PackageFixture); the spec and Jupyter's reading
/// of it are real: jupyter_client's KernelSpecManager (Debian's python3-jupyter-client, which .ci/run installs).
/// </summary>
public class JupyterKernelTests
{
    private const string SystemPython = "/usr/bin/python3";

    private static string SpecFile(string kernels, string name) => Path.Combine(kernels, "codeenv-" + name, "kernel.json");

    private static string DefaultKernels(PowerShellSession ps) => Path.Combine(ps.RootPath, "jupyter", "kernels");

    private static readonly Lazy<bool> JupyterClientInstalled = new(() =>
    {
        if (CodeEnv.TestSupport.ChildProcess.Run(SystemPython, "-c", "import jupyter_client").ExitCode == 0)
        {
            return true;
        }

        // As the OS-user tests create their users: on a fresh Debian machine run as root, the tests install what they use.
        if (System.Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            CodeEnv.TestSupport.ChildProcess.Run("/usr/bin/apt-get", "update", "-q");
            CodeEnv.TestSupport.ChildProcess.Run("/usr/bin/apt-get", "install", "-y", "-q", "python3-jupyter-client");
        }

        return CodeEnv.TestSupport.ChildProcess.Run(SystemPython, "-c", "import jupyter_client").ExitCode == 0;
    });

    /// <summary>What jupyter_client lists with JUPYTER_PATH set to <paramref name="jupyterPath"/>: kernel name to its spec.</summary>
    private static JObject JupyterLists(string jupyterPath)
    {
        Assert.True(JupyterClientInstalled.Value, "jupyter_client is needed for /usr/bin/python3: apt-get install python3-jupyter-client (.ci/run and, as root, these tests install it).");
        var start = new System.Diagnostics.ProcessStartInfo(SystemPython, new[] { "-c", "import json; from jupyter_client.kernelspec import KernelSpecManager; print(json.dumps(KernelSpecManager().get_all_specs()))" })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["JUPYTER_PATH"] = jupyterPath;
        start.Environment["JUPYTER_DATA_DIR"] = Path.Combine(jupyterPath, "no-user-data");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "jupyter_client is needed (apt-get install python3-jupyter-client; .ci/run installs it): " + error);
        return JObject.Parse(output);
    }

    [Fact]
    public void A_ready_env_with_Jupyter_support_is_listed_by_jupyter_client_with_its_python()
    {
        using var ps = PackageSession.Create();
        var env = ps.Run("New-CodeEnv -Name Sales-Forecast -PythonVersion 3.12 -JupyterSupport").Single("CodeEnv.EnvironmentInfo");

        var specs = JupyterLists(Path.Combine(ps.RootPath, "jupyter"));

        var spec = specs["codeenv-sales-forecast"]!["spec"]!;
        Assert.Equal(new[] { env.Get<string>("PythonPath"), "-m", "ipykernel_launcher", "-f", "{connection_file}" }, spec["argv"]!.Values<string>());
        Assert.Equal("Python 3.12 (CodeEnv Sales-Forecast)", spec.Value<string>("display_name"));
        Assert.Equal("python", spec.Value<string>("language"));
        Assert.Equal(Path.Combine(ps.RootPath, "envs", "Sales-Forecast", "venv", "bin", "python"), env.Get<string>("PythonPath"));
    }

    [Fact]
    public void An_env_without_Jupyter_support_has_no_kernel()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name plain -PythonVersion 3.12").AssertSuccess();
        Assert.False(File.Exists(SpecFile(DefaultKernels(ps), "plain")));
    }

    [Fact]
    public void Turning_support_on_writes_the_kernel_once_the_update_made_the_env_ready()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name later -PythonVersion 3.12").AssertSuccess();

        ps.Run("Set-CodeEnv later -JupyterSupport $true").AssertSuccess();
        Assert.False(File.Exists(SpecFile(DefaultKernels(ps), "later")));

        ps.Run("Update-CodeEnv later").AssertSuccess();
        Assert.True(File.Exists(SpecFile(DefaultKernels(ps), "later")));
    }

    [Fact]
    public void Turning_support_off_removes_the_kernel()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name notebook -PythonVersion 3.12 -JupyterSupport").AssertSuccess();

        ps.Run("Set-CodeEnv notebook -JupyterSupport $false").AssertSuccess();

        Assert.False(File.Exists(SpecFile(DefaultKernels(ps), "notebook")));
        Assert.DoesNotContain(JupyterLists(Path.Combine(ps.RootPath, "jupyter")).Properties(), p => p.Name.StartsWith("codeenv-", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_the_env_removes_its_kernel()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name notebook -PythonVersion 3.12 -JupyterSupport").AssertSuccess();

        ps.Run("Remove-CodeEnv notebook -Confirm:$false").AssertSuccess();

        Assert.False(Directory.Exists(Path.GetDirectoryName(SpecFile(DefaultKernels(ps), "notebook"))));
    }

    [Fact]
    public void A_rebuild_on_another_interpreter_rewrites_the_kernel_in_step()
    {
        using var ps = PackageSession.Create();
        ps.Run("New-CodeEnv -Name notebook -PythonVersion 3.12 -JupyterSupport").AssertSuccess();
        File.Delete(SpecFile(DefaultKernels(ps), "notebook"));

        ps.Run("Update-CodeEnv notebook -Rebuild").AssertSuccess();

        var spec = JObject.Parse(File.ReadAllText(SpecFile(DefaultKernels(ps), "notebook")));
        Assert.Equal("Python 3.12 (CodeEnv notebook)", spec.Value<string>("display_name"));
    }

    [Fact]
    public void A_kernels_folder_named_in_the_root_settings_receives_the_kernels()
    {
        using var ps = PackageSession.Create();
        var shared = ps.Scratch("share/jupyter/kernels");
        ps.Run("Set-CodeEnvRoot -KernelsFolder $args[0]", shared).AssertSuccess();
        Assert.Equal(shared, ps.Run("(Get-CodeEnvRoot).KernelsFolder").AssertSuccess().Output.Single().ToString());

        ps.Run("New-CodeEnv -Name notebook -PythonVersion 3.12 -JupyterSupport").AssertSuccess();

        Assert.True(File.Exists(SpecFile(shared, "notebook")));
        Assert.False(File.Exists(SpecFile(DefaultKernels(ps), "notebook")));
        Assert.NotNull(JupyterLists(ps.Scratch("share/jupyter"))["codeenv-notebook"]);
    }

    [Fact]
    public void A_relative_kernels_folder_is_taken_from_the_current_location_as_any_path_parameter()
    {
        using var ps = new PowerShellSession();
        var folder = ps.Run("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null; Set-CodeEnvRoot -KernelsFolder 'relative/kernels' -PassThru | ForEach-Object KernelsFolder", ps.Scratch("")).AssertSuccess().Output.Single().ToString();
        Assert.Equal(Path.Combine(ps.Scratch(""), "relative", "kernels"), folder);
    }

    [Fact]
    public void The_default_kernels_folder_given_back_is_stored_as_no_setting()
    {
        using var ps = new PowerShellSession();
        var before = ps.Run("(Get-CodeEnvRoot).Revision").AssertSuccess().Output.Single().ToString();
        ps.Run("Set-CodeEnvRoot -KernelsFolder (Get-CodeEnvRoot).KernelsFolder").AssertSuccess();
        Assert.Equal(before, ps.Run("(Get-CodeEnvRoot).Revision").AssertSuccess().Output.Single().ToString());
    }
}
