using System.Management.Automation;
using System.Text.Json;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// What an image holds and how it runs: one env's image built, pushed and run with a real engine (podman, runc, a
/// registry on loopback, a Debian base image with Python 3.11). When an image goes out of date, and what a build refuses,
/// are <see cref="ImageFreshnessTests"/>, on a root of their own, so the two build beside each other.
/// </summary>
[Collection(ContainerImagesCollection.Name)]
public sealed class ImageTests : IClassFixture<ImageTests.Built>
{
    private readonly Built built;

    public ImageTests(Built built)
    {
        this.built = built;
    }

    private PowerShellSession Ps => built.Ps;

    private ContainerMachine Machine => ContainerMachine.Instance;

    [Fact]
    public void An_image_holds_the_env_at_its_own_path_with_its_packages_and_its_tooling()
    {
        var script = "import sys, importlib.metadata as m; print(sys.prefix); print(';'.join(sorted(d.metadata['Name'].lower() + '==' + d.version for d in m.distributions())))";
        var output = Machine.Podman("run", "--rm", "--network", "none", built.Work.Reference, "python", "-c", script).Trim().Split('\n');

        Assert.Equal(built.VenvPath, output[0]);
        var installed = Ps.Run("Get-CodeEnvInstalledPackage work | ForEach-Object { $_.Name.ToLowerInvariant() + '==' + $_.Version }").AssertSuccess().Output.Select(o => o.ToString()!).OrderBy(l => l, StringComparer.Ordinal);
        Assert.Equal(string.Join(";", installed), output[1]);
        Assert.Contains(installed, l => l.StartsWith("pip==", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pushed_image_is_recorded_with_the_digest_the_registry_holds()
    {
        var (exitCode, inspected) = ChildProcess.Run("skopeo", "inspect", "--tls-verify=false", "docker://" + built.Work.Reference);
        Assert.True(exitCode == 0, inspected);

        Assert.Equal(JsonDocument.Parse(inspected).RootElement.GetProperty("Digest").GetString(), built.Work.Digest);
        Assert.StartsWith(Machine.Registry + "/team/codeenv/work:bookworm-r", built.Work.Reference);
        var listed = Ps.Run("Get-CodeEnvImage work").Single("CodeEnv.ContainerImage");
        Assert.Equal(("Current", built.Work.Digest), (listed.Get<string>("Status"), listed.Get<string>("Digest")));
    }

    [Fact]
    public void The_four_fragments_run_where_the_config_puts_them()
    {
        var marks = Machine.Podman("run", "--rm", "--network", "none", built.Work.Reference, "cat", "/start.txt", "/before.txt", "/after.txt", "/end.txt").Trim().Split('\n');

        // At start the venv does not exist; before packages it holds no alpha; after packages it does; at the end it is on PATH.
        Assert.Equal(new[] { "start", "0", "1", built.VenvPath }, marks);
    }

    [Fact]
    public void The_envs_own_lines_and_the_runtime_additions_go_in_where_the_config_allows_them()
    {
        var inImage = Machine.Podman("run", "--rm", "--network", "none", built.Work.Reference, "sh", "-c", "cat /own.txt; echo $LANG $PYTHONUTF8").Trim().Split('\n');

        Assert.Equal(new[] { "own", "C.UTF-8 1" }, inImage);
        Assert.Equal("AfterPackages", Ps.Run("(Get-CodeEnv work).ContainerDockerfile.ToString()").AssertSuccess().Output.Single().ToString());
    }

    [Fact]
    public void The_image_is_named_for_the_installed_revision_even_after_a_Set_CodeEnv()
    {
        var env = Ps.Run("Get-CodeEnv work").Single("CodeEnv.EnvironmentInfo");

        // Set-CodeEnv -ContainerDockerfile made revision 2; the installed set, which the image reproduces, is revision 1.
        Assert.Equal(2, env.Get<int>("Revision"));
        Assert.EndsWith(":bookworm-r1", built.Work.Reference);
        var context = Ps.Scratch("work-context");
        Ps.Run("Export-CodeEnvContainerFile work -ConfigName bookworm -Path $args[0]", context).AssertSuccess();
        Assert.Contains("(installed revision 1)", File.ReadAllText(Path.Combine(context, "Dockerfile")));
        Assert.Contains(":bookworm-r1 .", File.ReadAllText(Path.Combine(context, "README.md")));
        // The context an administrator builds by hand holds the resources the built image holds.
        Assert.Equal("cat dog\n", File.ReadAllText(Path.Combine(context, "resources", "models", "labels.txt")));
        Assert.Contains($"ENV WORK_MODE=\"image\" CODEENV_RESOURCES=\"{built.ResourcesPath}\"", File.ReadAllText(Path.Combine(context, "Dockerfile")));
    }

    [Fact]
    public void The_image_holds_the_envs_resources_and_variables_where_its_code_finds_them_on_the_host()
    {
        var script = "import os; p = os.environ['CODEENV_RESOURCES']; print(p); print(os.environ['WORK_MODE']); print(open(os.path.join(p, 'models', 'labels.txt')).read().strip())";
        var expected = new[] { built.ResourcesPath, "image", "cat dog" };

        // As a user other than root, as an image with the NonRootUser addition runs: the resources are readable as the venv is.
        Assert.Equal(expected, Machine.Podman("run", "--rm", "--network", "none", "--user", "1000", built.Work.Reference, "python", "-c", script).Trim().Split('\n'));
        Assert.Equal(expected, Ps.Run("Invoke-CodeEnvPython work -Target bookworm -ArgumentList '-c', $args[0]", script).AssertSuccess().Output.Select(o => o.ToString()));
        Assert.Equal(expected, Ps.Run("Invoke-CodeEnvPython work -ArgumentList '-c', $args[0]", script).AssertSuccess().Output.Select(o => o.ToString()));
    }

    [Fact]
    public void An_image_that_still_reproduces_the_env_is_kept_unless_Force()
    {
        var again = Ps.Run("Update-CodeEnvImage work -Verbose").Single("CodeEnv.ContainerImage");

        Assert.Equal(built.Work.ImageId, again.Get<string>("ImageId"));
        Assert.Contains(Ps.Run("Update-CodeEnvImage work -Verbose").Verbose, v => v.Contains("kept (-Force builds it again)"));
    }

    [Fact]
    public void Invoke_CodeEnvPython_runs_in_the_image_in_the_callers_folder_with_its_exit_code()
    {
        var folder = Ps.Scratch("job");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "job.py"), "import sys, alpha\nprint('alpha', alpha.__version__, 'in', sys.prefix)\nopen('out.txt', 'w').write('written')\nsys.exit(3)\n");

        var run = Ps.Run("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null; Invoke-CodeEnvPython work -Target bookworm ./job.py; $LASTEXITCODE", folder).AssertSuccess();

        Assert.Equal(new[] { $"alpha 1.0 in {built.VenvPath}", "3" }, run.Output.Select(o => o.ToString()));
        Assert.Equal("written", File.ReadAllText(Path.Combine(folder, "out.txt")));
    }

    /// <summary>The root with the config "bookworm" (every fragment, a registry) and the env "work" (a variable and a resource), its image pushed.</summary>
    public sealed class Built : IDisposable
    {
        private readonly ImageRoot root = new();

        public Built()
        {
            var machine = ContainerMachine.Instance;
            Ps.Run(
                """
                New-CodeEnvContainerConfig bookworm -BaseImage $args[0] -Registry ($args[1] + '/team') `
                    -DockerfileAtStart "RUN test ! -e '$($args[2])' && echo start > /start.txt" `
                    -DockerfileBeforePackages "RUN find / -xdev -path '*site-packages/alpha*' -name __init__.py | wc -l > /before.txt" `
                    -DockerfileAfterPackages "RUN find / -xdev -path '*site-packages/alpha*' -name __init__.py | wc -l > /after.txt" `
                    -DockerfileAtEnd 'RUN echo "$VIRTUAL_ENV" > /end.txt' -AllowEnvFragments -RuntimeAddition Utf8 | Out-Null
                New-CodeEnv work -PythonVersion 3.11 -Requirement 'alpha==1.0' -ContainerSelection Selected -ContainerConfig bookworm | Out-Null
                Set-CodeEnv work -ContainerDockerfile @{ AfterPackages = 'RUN echo own > /own.txt' } -EnvironmentVariable @{ WORK_MODE = 'image' }
                Publish-CodeEnvResource work -Path $args[3] -Destination models | Out-Null
                """,
                ContainerMachine.BaseImage,
                machine.Registry,
                root.Path + "/envs/work/venv",
                Labels()).AssertSuccess();
            ResourcesPath = root.Path + "/envs/work/resources";
            VenvPath = Ps.Run("(Get-CodeEnv work).VenvPath").AssertSuccess().Output.Single().ToString()!;
            var image = Ps.Run("Update-CodeEnvImage work -Push").Single("CodeEnv.ContainerImage");
            Work = (image.Get<string>("Reference"), image.Get<string>("Digest"), image.Get<string>("ImageId"));
        }

        public PowerShellSession Ps => root.Ps;

        public string VenvPath { get; }

        /// <summary>The env's resources folder, which is also its path in the image.</summary>
        public string ResourcesPath { get; }

        public (string Reference, string Digest, string ImageId) Work { get; }

        public void Dispose() => root.Dispose();

        private string Labels()
        {
            var file = Ps.Scratch("labels.txt");
            File.WriteAllText(file, "cat dog\n");
            return file;
        }
    }
}

/// <summary>The image tests of one env's image: a chain started first (<see cref="LongestChainFirst"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ContainerImagesCollection
{
    public const string Name = "container images";
}

/// <summary>The image tests of images going out of date: the other chain started first.</summary>
[CollectionDefinition(Name)]
public sealed class ImageFreshnessCollection
{
    public const string Name = "container images going out of date";
}
