using CodeEnv.Errors;
using CodeEnv.Operations;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>What an env needs at run time: its variables (secret ones kept apart), its resources with an init script, and the smoke test that gates a switch.</summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class RuntimeNeedsTests
{
    private const string Secret = "s3cret-token-value";

    [Fact]
    public void A_secret_variable_is_named_in_the_definition_and_its_history_and_its_value_kept_only_in_the_owners_secrets_file()
    {
        using var root = new TestRoot();
        root.Create("hf");

        var env = Set(root, "hf", new EnvironmentSettingsChange
        {
            EnvironmentVariables = new() { ["HF_HOME"] = "/data/hf" },
            SecretVariables = new() { ["HF_TOKEN"] = Secret },
        });

        Assert.Equal("/data/hf", env.EnvironmentVariables["HF_HOME"]);
        Assert.Equal(new[] { "HF_TOKEN" }, env.SecretVariables);
        var everythingShown = Directory.GetFiles(root.Paths.EnvFolder("hf"), "*", SearchOption.AllDirectories).Where(f => !f.Contains("/venv")).Select(File.ReadAllText);
        Assert.DoesNotContain(everythingShown, text => text.Contains(Secret));
        Assert.Contains(Secret, File.ReadAllText(root.Paths.EnvironmentSecretsFile));
        Assert.Equal(0x180, (int)FileKind.ModeOf(root.Paths.EnvironmentSecretsFile)!.Value & 0x1FF);
    }

    [Fact]
    public void Run_variables_give_the_secret_values_and_the_resources_folder_and_the_kernel_spec_and_activate_scripts_only_the_plain_ones()
    {
        using var root = new TestRoot();
        root.Create("hf");
        Set(root, "hf", new EnvironmentSettingsChange
        {
            JupyterSupport = true,
            EnvironmentVariables = new() { ["HF_HOME"] = "/data/hf" },
            SecretVariables = new() { ["HF_TOKEN"] = Secret },
        });
        // Ready, as an update records it: the kernel spec follows.
        root.Engine.Lifecycle.Updater.RecordState(ReadDefinition(root, "hf"), null, EnvironmentState.Ready, null, RootStore.Read(root.Paths), new LockHoldReport("Update-CodeEnv", "hf", NullReporter.Instance), NullReporter.Instance);

        var run = root.Engine.Lifecycle.RunVariablesAsync("hf", default).Awaited();

        Assert.Equal(Secret, run["HF_TOKEN"]);
        Assert.Equal("/data/hf", run["HF_HOME"]);
        Assert.Equal(root.Paths.ResourcesFolder("hf"), run[RuntimeEnvironment.ResourcesVariable]);
        var kernel = File.ReadAllText(Path.Combine(root.Paths.DefaultKernelsFolder, "codeenv-hf", "kernel.json"));
        Assert.Contains("/data/hf", kernel);
        Assert.DoesNotContain(Secret, kernel);
        var activate = File.ReadAllText(Path.Combine(root.Paths.EnvFolder("hf"), ActivationScripts.PosixFileName));
        Assert.Contains("HF_HOME='/data/hf'", activate);
        Assert.DoesNotContain(Secret, activate);
    }

    [Fact]
    public void The_posix_activate_script_gives_a_shell_the_venv_and_the_env_variables()
    {
        using var root = new TestRoot();
        root.Create("shell");
        Set(root, "shell", new EnvironmentSettingsChange { EnvironmentVariables = new() { ["GREETING"] = "it's here" } });

        var script = Path.Combine(root.Paths.EnvFolder("shell"), ActivationScripts.PosixFileName);
        var shell = ChildProcess.Run("sh", "-c", $". '{script}' && echo \"$GREETING|$VIRTUAL_ENV|$CODEENV_RESOURCES\"");

        Assert.Equal(0, shell.ExitCode);
        Assert.Equal($"it's here|{root.Paths.VenvFolder("shell")}|{root.Paths.ResourcesFolder("shell")}", shell.Output.Trim());
    }

    [Fact]
    public void A_variable_that_would_replace_the_venvs_own_is_refused()
    {
        using var root = new TestRoot();
        root.Create("bad");

        var error = Assert.Throws<CodeEnvException>(() => Set(root, "bad", new EnvironmentSettingsChange { EnvironmentVariables = new() { ["PATH"] = "/tmp" } }));

        Assert.Equal(ErrorIds.EnvironmentVariableInvalid.Id, error.ErrorId);
    }

    [Fact]
    public void A_plain_variable_whose_value_holds_a_password_is_refused_with_its_password_masked()
    {
        using var root = new TestRoot();
        root.Create("proxied");

        var error = Assert.Throws<CodeEnvException>(() => Set(root, "proxied", new EnvironmentSettingsChange { EnvironmentVariables = new() { ["HTTPS_PROXY"] = "http://svc:hunter22@proxy:3128" } }));

        Assert.Equal(ErrorIds.EnvironmentVariableInvalid.Id, error.ErrorId);
        Assert.Contains("-SecretVariable", error.Message);
        Assert.DoesNotContain("hunter22", error.Message);
    }

    [Fact]
    public void An_update_whose_smoke_test_fails_keeps_the_current_venv_serving_and_the_failed_one_for_inspection()
    {
        using var root = new TestRoot();
        root.Create("gated", "3.12", noInstall: false);
        Set(root, "gated", new EnvironmentSettingsChange { SmokeTest = "import sys\nprint('torch is missing')\nsys.exit(3)" });

        var error = Assert.Throws<CodeEnvException>(() => root.Engine.Lifecycle.UpdateAsync("gated", new UpdateOptions { Rebuild = true }, null, default).Awaited());

        Assert.Equal(ErrorIds.SmokeTestFailed.Id, error.ErrorId);
        var failed = Path.Combine(root.Paths.FailedGenerationsFolder("gated"), "2");
        Assert.Contains("torch is missing", error.Message);
        Assert.Contains("smoke test 'import sys; print('torch is missing'); sys.exit(3)'", error.Message);
        Assert.Contains(failed, error.Message);
        Assert.True(File.Exists(VenvLayout.Python(failed)));
        Assert.Equal(1, StableVenvLink.GenerationOf(root.Paths.VenvFolder("gated")));
        var env = root.Engine.Environments.GetAsync("gated", default).Awaited();
        Assert.Equal(EnvironmentState.Failed, env.State);
        Assert.Contains(failed, env.StateDetail);
    }

    [Fact]
    public void The_init_script_and_smoke_test_run_in_the_new_venv_with_the_env_variables_its_secrets_masked_in_the_log()
    {
        using var root = new TestRoot();
        root.Create("prepared", "3.12", noInstall: false);
        var script = Path.Combine(root.Scratch("local"), "init.py");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, "import os, sys\nprint('token is', os.environ['HF_TOKEN'])\nopen(os.path.join(os.environ['CODEENV_RESOURCES'], 'model.txt'), 'w').write(os.environ['MODEL'] + ' ' + sys.prefix)\n");
        ResourceUpload.PublishAsync(root.Engine.Lifecycle, "prepared", script, "setup/init.py", default).Awaited();
        Set(root, "prepared", new EnvironmentSettingsChange
        {
            EnvironmentVariables = new() { ["MODEL"] = "tiny" },
            SecretVariables = new() { ["HF_TOKEN"] = Secret },
            InitScript = "setup/init.py",
            SmokeTest = "import os; assert open(os.path.join(os.environ['CODEENV_RESOURCES'], 'model.txt')).read().startswith('tiny')",
        });

        var env = root.Engine.Lifecycle.UpdateAsync("prepared", new UpdateOptions { Rebuild = true }, null, default).Awaited();

        Assert.Equal(EnvironmentState.Ready, env.State);
        Assert.Equal(2, StableVenvLink.GenerationOf(root.Paths.VenvFolder("prepared")));
        Assert.Equal("tiny " + root.Paths.GenerationFolder("prepared", 2), File.ReadAllText(Path.Combine(root.Paths.ResourcesFolder("prepared"), "model.txt")));
        var log = File.ReadAllText(Directory.GetFiles(root.Paths.LogsFolder("prepared"), "*-update.log").Single());
        Assert.Contains("token is ***", log);
        Assert.DoesNotContain(Secret, log);
    }

    [Fact]
    public void A_restore_that_would_switch_to_a_kept_venv_runs_the_smoke_test_in_it_first_and_keeps_serving_on_failure()
    {
        using var root = new TestRoot(s => s.PackageSources.NoIndex = true);
        WheelBuilder.Write(root.Paths.Wheelhouse, "gate-kit", "1.0");
        root.Create("restored", "3.12", noInstall: false);
        root.Engine.Packages.AddPackagesAsync("restored", new[] { "gate-kit" }, null, default).Awaited();
        root.Engine.Lifecycle.UpdateAsync("restored", new UpdateOptions(), null, default).Awaited();
        Set(root, "restored", new EnvironmentSettingsChange { SmokeTest = "import gate_kit" });

        var error = Assert.Throws<CodeEnvException>(() => root.Engine.History.RestoreAsync("restored", 1, definitionOnly: false, force: false, null, default).Awaited());

        Assert.Equal(ErrorIds.SmokeTestFailed.Id, error.ErrorId);
        Assert.Contains("ModuleNotFoundError", error.Message);
        Assert.Contains(root.Paths.GenerationFolder("restored", 1), error.Message);
        Assert.Equal(2, StableVenvLink.GenerationOf(root.Paths.VenvFolder("restored")));
        Assert.Equal(EnvironmentState.Failed, root.Engine.Environments.GetAsync("restored", default).Awaited().State);
    }

    [Fact]
    public void Only_a_caller_with_Use_gets_the_secret_and_only_one_with_UpdatePackages_changes_it()
    {
        using var root = new TestRoot();
        root.Create("private");
        Set(root, "private", new EnvironmentSettingsChange { UsableByAll = false, SecretVariables = new() { ["API_KEY"] = Secret } });
        root.Engine.Permissions.GrantAsync("private", "viewers", GroupRight.Use, null, default).Awaited();
        var viewer = new CodeEnvEngine(root.Paths.Root, new As("vera", "viewers"), SystemClock.Instance);
        var stranger = new CodeEnvEngine(root.Paths.Root, new As("sam", "nobody"), SystemClock.Instance);

        Assert.Equal(Secret, viewer.Lifecycle.RunVariablesAsync("private", default).Awaited()["API_KEY"]);
        var refused = Assert.Throws<CodeEnvException>(() => stranger.Lifecycle.RunVariablesAsync("private", default).Awaited());
        var unchanged = Assert.Throws<CodeEnvException>(() => viewer.Lifecycle.SetAsync("private", new EnvironmentSettingsChange { SecretVariables = new() { ["API_KEY"] = "replaced" } }, null, default).Awaited());

        Assert.Equal(ErrorKind.PermissionDenied, refused.Kind);
        Assert.Equal(ErrorKind.PermissionDenied, unchanged.Kind);
        Assert.Equal(Secret, root.Engine.Lifecycle.RunVariablesAsync("private", default).Awaited()["API_KEY"]);
    }

    private sealed class As : CodeEnv.Security.IIdentityProvider
    {
        private readonly CallerIdentity identity;

        public As(string user, params string[] groups) => identity = new CallerIdentity(user, groups);

        public CallerIdentity Current() => identity;
    }

    private static EnvironmentInfo Set(TestRoot root, string name, EnvironmentSettingsChange change) =>
        root.Engine.Lifecycle.SetAsync(name, change, null, default).Awaited();

    private static EnvironmentDefinition ReadDefinition(TestRoot root, string name) => new EnvironmentStore(root.Paths).Read(name);
}
