using System.Management.Automation;
using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// When an image goes out of date (the env changed, its base image moved), what a build refuses, and a build stopped
/// midway, with a real engine on a root of their own (see <see cref="ImageTests"/>).
/// </summary>
[Collection(ImageFreshnessCollection.Name)]
public sealed class ImageFreshnessTests : IClassFixture<ImageFreshnessTests.Built>
{
    private readonly Built built;

    public ImageFreshnessTests(Built built)
    {
        this.built = built;
    }

    private PowerShellSession Ps => built.Ps;

    private ContainerMachine Machine => ContainerMachine.Instance;

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
    public void Stopping_an_image_build_ends_the_engine_and_what_it_runs()
    {
        var marker = "codeenv_image_build_sleeps_" + Guid.NewGuid().ToString("N");
        Ps.Run("New-CodeEnvContainerConfig sleepy -BaseImage $args[0] -DockerfileAtStart $args[1] | Out-Null; Set-CodeEnv moved -ContainerSelection Selected -ContainerConfig moving, sleepy", ContainerMachine.BaseImage, $"RUN sh -c 'sleep 900; : {marker}'").AssertSuccess();

        using var build = Ps.Start("Update-CodeEnvImage moved -ContainerConfig sleepy");
        Patience.WaitUntil(() => ProcessTable.AnyCommandLineContains(marker), "The build never reached its sleeping step.");
        Assert.True(build.BeginStop(null, null).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(60)), "Update-CodeEnvImage did not stop.");

        Patience.WaitUntil(() => !ProcessTable.AnyCommandLineContains(marker), "A process of the stopped build outlived it.");
        Assert.DoesNotContain(Ps.Run("Get-CodeEnvImage moved").Output, i => i.Get<string>("ConfigName") == "sleepy");
    }

    [Fact]
    public void A_changed_env_outdates_its_image_until_the_new_revision_is_built_and_so_do_its_resources_and_its_lines()
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

        // A file published into the resources (or one the init script writes) is not in the image yet.
        var labels = Ps.Scratch("labels.txt");
        File.WriteAllText(labels, "cat\n");
        Ps.Run("Publish-CodeEnvResource changing -Path $args[0]", labels).AssertSuccess();
        Assert.Equal("bookworm", Ps.Run("(Get-CodeEnv changing).OutdatedImages").AssertSuccess().Output.Single().ToString());
        Assert.Contains("the env's resources changed since it was built", Ps.Run("Get-CodeEnvImage changing -Outdated").Output.Last().Get<string>("OutdatedReason"));

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

    /// <summary>
    /// The root with the configs "bookworm" (env lines allowed) and "moving" (on a base image a test moves), and the
    /// envs "changing" (its image built), "moved" and "newer" (Python 3.12, which the base image does not have).
    /// </summary>
    public sealed class Built : IDisposable
    {
        private readonly ImageRoot root = new();

        public Built()
        {
            var machine = ContainerMachine.Instance;
            MovingBase = "localhost/codeenv-test-python:moving-" + Guid.NewGuid().ToString("N")[..8];
            machine.Podman("tag", ContainerMachine.BaseImage, MovingBase);
            Ps.Run(
                """
                New-CodeEnvContainerConfig bookworm -BaseImage $args[0] -AllowEnvFragments | Out-Null
                New-CodeEnvContainerConfig moving -BaseImage $args[1] | Out-Null
                New-CodeEnv changing -PythonVersion 3.11 -Requirement 'alpha==1.0' -ContainerSelection Selected -ContainerConfig bookworm | Out-Null
                New-CodeEnv moved -PythonVersion 3.11 -Requirement 'beta' -ContainerSelection Selected -ContainerConfig moving | Out-Null
                New-CodeEnv newer -PythonVersion 3.12 -Requirement 'beta' -ContainerSelection Selected -ContainerConfig bookworm | Out-Null
                Set-CodeEnv moved -ContainerDockerfile @{ AtEnd = 'RUN echo own > /own.txt' }
                Update-CodeEnvImage changing | Out-Null
                """,
                ContainerMachine.BaseImage,
                MovingBase).AssertSuccess();
        }

        public PowerShellSession Ps => root.Ps;

        /// <summary>The base image the "moving" config names, which a test moves.</summary>
        public string MovingBase { get; }

        public void Dispose() => root.Dispose();
    }
}
