using System.Management.Automation;
using System.Text.Json;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Images built, pushed and run with a real engine (podman, runc, a registry on loopback, a Debian base image with
/// Python 3.11). One root, under /tmp/codeenv and with a space in its path, holds every env the tests build: each
/// build costs seconds, so each test builds what only it proves.
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
    public void A_config_that_does_not_allow_env_lines_says_it_leaves_them_out()
    {
        var context = Ps.Scratch("moved-context");

        Ps.Run("Export-CodeEnvContainerFile moved -ConfigName moving -Path $args[0]", context).AssertSuccess();

        var dockerfile = File.ReadAllText(Path.Combine(context, "Dockerfile"));
        Assert.Contains("# The env's own Dockerfile lines are left out: the container config 'moving' does not allow them", dockerfile);
        Assert.DoesNotContain("/own.txt", dockerfile);
    }

    [Fact]
    public void A_runtime_addition_is_one_of_the_named_ones()
    {
        var error = Ps.Run("New-CodeEnvContainerConfig odd -BaseImage debian -RuntimeAddition Tini").AssertError("RuntimeAdditionUnknown", ErrorCategory.InvalidArgument);

        Assert.Contains("NonRootUser (Runs the image as the user codeenv", error.Exception.Message);
        var context = Ps.Scratch("nonroot-context");
        Ps.Run("New-CodeEnvContainerConfig nonroot -BaseImage debian -RuntimeAddition nonrootuser | Out-Null; New-CodeEnv plain -PythonVersion 3.11 -Requirement beta -ContainerSelection Selected -ContainerConfig nonroot | Out-Null; Export-CodeEnvContainerFile plain -ConfigName nonroot -Path $args[0]", context).AssertSuccess();
        Assert.Contains("# From the runtime addition NonRootUser:\nRUN useradd --uid 1000 --create-home --shell /bin/sh codeenv\nUSER codeenv\n", File.ReadAllText(Path.Combine(context, "Dockerfile")));
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
    }

    [Fact]
    public void Stopping_an_image_build_ends_the_engine_and_what_it_runs()
    {
        var marker = "codeenv_image_build_sleeps_" + Guid.NewGuid().ToString("N");
        Ps.Run("New-CodeEnvContainerConfig sleepy -BaseImage $args[0] -DockerfileAtStart $args[1] | Out-Null; Set-CodeEnv moved -ContainerSelection Selected -ContainerConfig moving, sleepy", ContainerMachine.BaseImage, $"RUN sh -c 'sleep 300; : {marker}'").AssertSuccess();

        using var build = Ps.Start("Update-CodeEnvImage moved -ContainerConfig sleepy");
        Patience.WaitUntil(() => Running(marker), "The build never reached its sleeping step.");
        Assert.True(build.BeginStop(null, null).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "Update-CodeEnvImage did not stop.");

        Patience.WaitUntil(() => !Running(marker), "A process of the stopped build outlived it.");
        Assert.DoesNotContain(Ps.Run("Get-CodeEnvImage moved").Output, i => i.Get<string>("ConfigName") == "sleepy");
    }

    private static bool Running(string marker) =>
        Directory.GetDirectories("/proc").Select(d => Path.Combine(d, "cmdline")).Any(f =>
        {
            try
            {
                return File.Exists(f) && File.ReadAllText(f).Contains(marker);
            }
            catch (IOException)
            {
                return false;
            }
        });

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

    [Fact]
    public void A_changed_env_outdates_its_image_until_the_new_revision_is_built()
    {
        Ps.Run("Set-CodeEnvPackage changing 'alpha==2.0' -Update").AssertSuccess();

        var outdated = Ps.Run("Get-CodeEnvImage changing -Outdated").Single("CodeEnv.ContainerImage");
        Assert.Contains("the env changed since it was built", outdated.Get<string>("OutdatedReason"));
        Ps.Run("Invoke-CodeEnvPython changing -Target bookworm -c 'pass'").AssertError("ContainerImageNotBuilt", ErrorCategory.ObjectNotFound);

        Assert.Contains(Ps.Run("Test-CodeEnv changing").AssertSuccess().Warnings, w => w.Contains("no longer reproduces the env: the env changed since it was built"));

        var rebuilt = Ps.Run("Update-CodeEnvImage changing").Single("CodeEnv.ContainerImage");
        Assert.Equal("2.0", Machine.Podman("run", "--rm", "--network", "none", rebuilt.Get<string>("Reference"), "python", "-c", "import alpha; print(alpha.__version__)").Trim());
        Assert.Equal(new[] { "Outdated", "Current" }, Ps.Run("Get-CodeEnvImage changing | ForEach-Object Status").Output.Select(o => o.ToString()));
        Assert.Empty(Ps.Run("Test-CodeEnv changing").AssertSuccess().Warnings);

        Ps.Run("Set-CodeEnv changing -ContainerDockerfile @{ AtEnd = 'LABEL changed=yes' }").AssertSuccess();
        Assert.Equal("bookworm", Ps.Run("(Get-CodeEnv changing).OutdatedImages").AssertSuccess().Output.Single().ToString());
        Assert.Contains("the env's own Dockerfile lines changed", Ps.Run("Get-CodeEnvImage changing -Outdated").Output.Last().Get<string>("OutdatedReason"));
    }

    [Fact]
    public void A_base_image_that_moved_outdates_the_images_built_on_it()
    {
        Ps.Run("Update-CodeEnvImage moved -ContainerConfig moving").AssertSuccess();
        Assert.Equal("Current", Ps.Run("Get-CodeEnvImage moved").Single("CodeEnv.ContainerImage").Get<string>("Status"));

        // A new build of the base, under the same name, as a pull of a moved tag leaves it.
        var next = Ps.Scratch("next-base");
        Directory.CreateDirectory(next);
        File.WriteAllText(Path.Combine(next, "Dockerfile"), $"FROM {ContainerMachine.BaseImage}\nLABEL moved=yes\n");
        Machine.Podman("build", "--network", "none", "--tag", built.MovingBase, next);

        var outdated = Ps.Run("Get-CodeEnvImage moved").Single("CodeEnv.ContainerImage");
        Assert.Equal("Outdated", outdated.Get<string>("Status"));
        Assert.Contains($"the base image {built.MovingBase} moved", outdated.Get<string>("OutdatedReason"));
    }

    [Fact]
    public void A_base_image_with_another_Python_minor_version_is_refused_naming_both()
    {
        var error = Ps.Run("Update-CodeEnvImage newer").AssertError("ContainerPythonMismatch", ErrorCategory.InvalidOperation);

        Assert.Contains("has Python 3.11", error.Exception.Message);
        Assert.Contains("installed with Python 3.12", error.Exception.Message);
        Assert.Empty(Ps.Run("Get-CodeEnvImage newer").Output);
    }

    /// <summary>The root, its configs and envs, and the image of "work" pushed to the loopback registry.</summary>
    public sealed class Built : IDisposable
    {
        public Built()
        {
            var machine = ContainerMachine.Instance;
            // Under /tmp/codeenv (which a Dockerfile that stages its context there would delete) and with a space.
            RootParent = Path.Combine("/tmp/codeenv", Guid.NewGuid().ToString("N") + " with space");
            Ps = new PowerShellSession(initializeRoot: false);
            var root = Path.Combine(RootParent, "root");
            Ps.Run("Initialize-CodeEnvRoot -Path $args[0] | Out-Null; $PSDefaultParameterValues['*-CodeEnv*:Root'] = $args[0]", root).AssertSuccess();
            SharedSeeds.LinkInto(root);
            Ps.Run("Set-CodeEnvRoot -NoIndex -FindLinks $args[0]", PackageFixture.Write(Ps.Scratch("links"))).AssertSuccess();
            MovingBase = "localhost/codeenv-test-python:moving-" + Guid.NewGuid().ToString("N")[..8];
            machine.Podman("tag", ContainerMachine.BaseImage, MovingBase);
            Ps.Run(
                """
                New-CodeEnvContainerConfig bookworm -BaseImage $args[0] -Registry ($args[1] + '/team') `
                    -DockerfileAtStart "RUN test ! -e '$($args[2])' && echo start > /start.txt" `
                    -DockerfileBeforePackages "RUN find / -xdev -path '*site-packages/alpha*' -name __init__.py | wc -l > /before.txt" `
                    -DockerfileAfterPackages "RUN find / -xdev -path '*site-packages/alpha*' -name __init__.py | wc -l > /after.txt" `
                    -DockerfileAtEnd 'RUN echo "$VIRTUAL_ENV" > /end.txt' -AllowEnvFragments -RuntimeAddition Utf8 | Out-Null
                New-CodeEnvContainerConfig moving -BaseImage $args[3] | Out-Null
                New-CodeEnv work -PythonVersion 3.11 -Requirement 'alpha==1.0' -ContainerSelection Selected -ContainerConfig bookworm | Out-Null
                New-CodeEnv changing -PythonVersion 3.11 -Requirement 'alpha==1.0' -ContainerSelection Selected -ContainerConfig bookworm | Out-Null
                New-CodeEnv moved -PythonVersion 3.11 -Requirement 'beta' -ContainerSelection Selected -ContainerConfig moving | Out-Null
                New-CodeEnv newer -PythonVersion 3.12 -Requirement 'beta' -ContainerSelection Selected -ContainerConfig bookworm | Out-Null
                Set-CodeEnv work -ContainerDockerfile @{ AfterPackages = 'RUN echo own > /own.txt' }
                Set-CodeEnv moved -ContainerDockerfile @{ AtEnd = 'RUN echo own > /own.txt' }
                Update-CodeEnvImage changing | Out-Null
                """,
                ContainerMachine.BaseImage,
                machine.Registry,
                root + "/envs/work/venv",
                MovingBase).AssertSuccess();
            VenvPath = Ps.Run("(Get-CodeEnv work).VenvPath").AssertSuccess().Output.Single().ToString()!;
            var image = Ps.Run("Update-CodeEnvImage work -Push").Single("CodeEnv.ContainerImage");
            Work = (image.Get<string>("Reference"), image.Get<string>("Digest"), image.Get<string>("ImageId"));
        }

        public PowerShellSession Ps { get; }

        public string RootParent { get; }

        public string VenvPath { get; }

        /// <summary>The base image the "moving" config names, which a test moves.</summary>
        public string MovingBase { get; }

        public (string Reference, string Digest, string ImageId) Work { get; }

        public void Dispose()
        {
            Ps.Dispose();
            ChildProcess.Run("rm", "-rf", RootParent);
        }
    }
}

/// <summary>The image tests: one chain, started first (<see cref="LongestChainFirst"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ContainerImagesCollection
{
    public const string Name = "container images";
}
