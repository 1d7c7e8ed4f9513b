using System.Management.Automation;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>Container configs, build contexts replayed offline, and moving envs between roots.</summary>
public class ContainerAndTransferTests
{
    private static List<(string Name, string Version)> Installed(PowerShellSession ps, string env, string? root = null) =>
        ps.Run($"Get-CodeEnvInstalledPackage -Name {env}" + (root == null ? "" : " -Root $args[0]"), root ?? "").AssertSuccess().Output
            .Select(p => (p.Get<string>("Name"), p.Get<string>("Version"))).ToList();

    [Fact]
    public void Container_configs_are_defined_listed_and_selected_by_envs()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim -PythonPath /usr/local/bin/python3; New-CodeEnvContainerConfig gpu -BaseImage nvidia/cuda:12.4.1-runtime-ubuntu22.04").AssertSuccess();
        ps.Run("New-CodeEnv a -PythonVersion 3.12 -NoInstall -ContainerSelection Selected -ContainerConfig slim; New-CodeEnv b -PythonVersion 3.12 -NoInstall -ContainerSelection All; New-CodeEnv c -PythonVersion 3.12 -NoInstall").AssertSuccess();

        Assert.Equal(new[] { "gpu", "slim" }, ps.Run("Get-CodeEnvContainerConfig | ForEach-Object ConfigName").Output.Select(o => o.ToString()).OrderBy(n => n));
        Assert.Equal(new[] { "a", "b" }, ps.Run("Get-CodeEnv -ContainerConfig slim | ForEach-Object Name").AssertSuccess().Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "b" }, ps.Run("Get-CodeEnv -ContainerConfig gpu | ForEach-Object Name").AssertSuccess().Output.Select(o => o.ToString()));

        ps.Run("Set-CodeEnv c -ContainerSelection Selected -ContainerConfig nosuch").AssertError("ContainerConfigNotFound", ErrorCategory.ObjectNotFound);
        ps.Run("Set-CodeEnv c -ContainerSelection All -ContainerConfig gpu").AssertError("ContainerSelectionInvalid", ErrorCategory.InvalidArgument);
        var changed = ps.Run("Set-CodeEnv c -Description 'both at once' -ContainerSelection Selected -ContainerConfig GPU -PassThru").Single("CodeEnv.EnvironmentInfo");
        Assert.Equal(2, changed.Get<int>("Revision"));
        Assert.Equal(new[] { "c", "b" }.OrderBy(n => n), ps.Run("Get-CodeEnv -ContainerConfig gpu | ForEach-Object Name").Output.Select(o => o.ToString()).OrderBy(n => n));
        Assert.Equal(new[] { "a" }, ps.Run("Get-CodeEnv a*, x* -ContainerConfig slim | ForEach-Object Name").Output.Select(o => o.ToString()));
        ps.Run("New-CodeEnvContainerConfig slim -BaseImage python:3.11").AssertError("ContainerConfigExists", ErrorCategory.ResourceExists);
        ps.Run("New-CodeEnvContainerConfig bad -BaseImage 'not an image'").AssertError("BaseImageInvalid", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void Removing_a_selected_config_is_refused_unless_Force_drops_it_from_the_envs()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim; New-CodeEnv a -PythonVersion 3.12 -NoInstall -ContainerSelection Selected -ContainerConfig slim").AssertSuccess();

        var error = ps.Run("Remove-CodeEnvContainerConfig slim -Confirm:$false").AssertError("ContainerConfigInUse", ErrorCategory.InvalidOperation);
        Assert.Contains("a", error.Exception.Message);
        Assert.Single(ps.Run("Get-CodeEnvContainerConfig").Output);

        ps.Run("Remove-CodeEnvContainerConfig slim -Force -Confirm:$false").AssertSuccess();
        Assert.Empty(ps.Run("Get-CodeEnvContainerConfig").Output);
        Assert.Equal("None", ps.Run("(Get-CodeEnv a).ContainerSelection").Output.Single().ToString());
    }

    [Fact]
    public void A_build_context_replayed_offline_gives_the_same_installed_set()
    {
        using var ps = PackageSession.Create();
        var published = WheelBuilder.Write(ps.Scratch("dist"), "inhouse", "2.1");
        ps.Run("Publish-CodeEnvPackage $args[0]", published).AssertSuccess();
        ps.Run("New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim -DockerfileFragment 'USER 1000'").AssertSuccess();
        var env = ps.Run("New-CodeEnv work -PythonVersion 3.12 -Requirement 'alpha', 'gamma[fast]', 'inhouse' -ContainerSelection Selected -ContainerConfig slim").Single("CodeEnv.EnvironmentInfo");
        var context = ps.Scratch("context");

        ps.Run("Export-CodeEnvContainerFile work -ConfigName slim -Path $args[0]", context).Single("System.IO.FileInfo");

        var dockerfile = File.ReadAllText(Path.Combine(context, "Dockerfile"));
        Assert.Contains("FROM python:3.12-slim", dockerfile);
        Assert.Contains($"-m venv --without-pip '{env.Get<string>("VenvPath")}'", dockerfile);
        Assert.Contains("--no-deps --require-hashes", dockerfile);
        Assert.Contains("USER 1000\n", dockerfile);
        Assert.Contains("docker build", File.ReadAllText(Path.Combine(context, "README.md")));
        Assert.Contains("inhouse-2.1-py2.py3-none-any.whl", Directory.GetFiles(Path.Combine(context, "wheels")).Select(Path.GetFileName));

        // No container engine here: replay the context's install with the same interpreter, offline, into a fresh venv.
        var replay = ps.Scratch("replay");
        var interpreter = env.Get<string>("Interpreter");
        Assert.Equal(0, ChildProcess.Run(interpreter, "-m", "venv", replay).ExitCode);
        Assert.Equal(0, ChildProcess.Run(Path.Combine(replay, "bin", "python"), "-m", "pip", "install", "--no-deps", "--no-index", "--find-links", Path.Combine(context, "wheels"), "--find-links", ps.Scratch("links"), "-r", Path.Combine(context, "requirements.lock")).ExitCode);
        Assert.Equal(Installed(ps, "work"), PackageSession.PipList(Path.Combine(replay, "bin", "python")));
    }

    [Fact]
    public void A_build_context_is_refused_for_an_env_the_config_does_not_include_or_that_was_never_updated()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnvContainerConfig slim -BaseImage python:3.12-slim").AssertSuccess();
        ps.Run("New-CodeEnv plain -PythonVersion 3.12 -NoInstall; New-CodeEnv fresh -PythonVersion 3.12 -NoInstall -ContainerSelection All").AssertSuccess();
        ps.Run("Export-CodeEnvContainerFile plain slim $args[0]", ps.Scratch("c1")).AssertError("ContainerConfigNotSelected", ErrorCategory.InvalidOperation);
        ps.Run("Export-CodeEnvContainerFile fresh slim $args[0]", ps.Scratch("c2")).AssertError("EnvironmentNeverUpdated", ErrorCategory.InvalidOperation);
    }

    [Fact]
    public void An_env_moves_from_a_design_root_to_a_production_root_with_the_same_installed_set()
    {
        using var ps = PackageSession.Create();
        var production = ps.Scratch("production");
        var links = ps.Scratch("links");
        ps.Run("Initialize-CodeEnvRoot $args[0] | Out-Null; Set-CodeEnvRoot -Root $args[0] -NoIndex -FindLinks $args[1]", production, links).AssertSuccess();
        SharedSeeds.Share(production);
        ps.Run("New-CodeEnv churn -PythonVersion 3.12 -Requirement 'alpha<2', 'gamma[fast]' -JupyterSupport -Description 'designed'; Grant-CodeEnvPermission churn analysts UpdatePackages").AssertSuccess();
        var exported = ps.Scratch("churn.json");
        ps.Run("Export-CodeEnv churn $args[0]", exported).Single("System.IO.FileInfo");
        // Newer versions appear after the design was tested; -Locked must not take them.
        WheelBuilder.Write(links, "beta", "1.7");
        WheelBuilder.Write(links, "delta", "1.1");

        var imported = ps.Run("Import-CodeEnv $args[0] -Locked -Root $args[1]", exported, production).Single("CodeEnv.EnvironmentInfo");

        Assert.Equal(("churn", "designed", "Ready"), (imported.Get<string>("Name"), imported.Get<string>("Description"), imported.Get<string>("State")));
        Assert.Equal(Installed(ps, "churn"), Installed(ps, "churn", production));
        Assert.Contains(ps.Run("Get-CodeEnvPermission churn -Root $args[0]", production).Output, e => e.Get<string>("Principal") == "analysts" && e.Get<bool>("UpdatePackages"));

        var unlocked = ps.Run("Import-CodeEnv $args[0] -NewName churn-latest -Root $args[1]; Get-CodeEnvInstalledPackage churn-latest -Root $args[1] | Where-Object Name -eq beta | ForEach-Object Version", exported, production).AssertSuccess();
        Assert.Equal("1.7", unlocked.Output.Last().ToString());
    }

    [Fact]
    public void Import_refuses_an_existing_name_a_newer_schema_and_a_document_that_fails_validation()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv taken -PythonVersion 3.12 -NoInstall").AssertSuccess();
        var document = ps.Scratch("taken.json");
        ps.Run("Export-CodeEnv taken $args[0]", document).AssertSuccess();

        ps.Run("Import-CodeEnv $args[0]", document).AssertError("CodeEnvExists", ErrorCategory.ResourceExists);

        var exported = JObject.Parse(File.ReadAllText(document));
        var current = exported.Value<int>("schemaVersion");
        exported["schemaVersion"] = current + 1;
        File.WriteAllText(document, exported.ToString());
        ps.Run("Import-CodeEnv $args[0] -NewName other", document).AssertError("ExportFileSchemaTooNew", ErrorCategory.InvalidData);

        exported["schemaVersion"] = current;
        exported["definition"]!["requestedPackages"] = new JArray("bad==>1");
        File.WriteAllText(document, exported.ToString());
        ps.Run("Import-CodeEnv $args[0] -NewName other", document).AssertError("RequirementInvalid", ErrorCategory.InvalidArgument);
        ps.Run("Import-CodeEnv $args[0] -NewName other -Locked", document).AssertError("ExportHasNoLock", ErrorCategory.InvalidArgument);
        Assert.Single(ps.Run("Get-CodeEnv").Output);
    }

    [Fact]
    public void An_owner_unknown_on_this_machine_becomes_the_caller_with_a_warning()
    {
        using var ps = new PowerShellSession();
        ps.Run("New-CodeEnv far -PythonVersion 3.12 -NoInstall").AssertSuccess();
        var document = ps.Scratch("far.json");
        ps.Run("Export-CodeEnv far $args[0]", document).AssertSuccess();
        // Exported on another machine, by an owner who has no account here (Set-CodeEnv -Owner refuses one).
        var exported = JObject.Parse(File.ReadAllText(document));
        exported["definition"]!["owner"] = "no-such-user-here";
        File.WriteAllText(document, exported.ToString());

        var imported = ps.Run("Import-CodeEnv $args[0] -NewName near", document);

        Assert.Equal(System.Environment.UserName, imported.Single("CodeEnv.EnvironmentInfo").Get<string>("Owner"));
        Assert.Contains(imported.Warnings, w => w.Contains("'no-such-user-here' is not a user of this machine"));
        var kept = ps.Run("Set-CodeEnv far -Owner nobody; Export-CodeEnv far $args[0] | Out-Null; Import-CodeEnv $args[0] -NewName kept", document).AssertSuccess();
        Assert.Equal("nobody", kept.Output.Last().Get<string>("Owner"));
    }
}
