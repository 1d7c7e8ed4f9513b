using CodeEnv.Operations;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>A venv laid out from the interpreter's seed must be an ordinary venv in every way a user can tell.</summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class VenvSeedTests
{
    [Theory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    public void A_seeded_venv_has_its_own_pip_scripts_activation_and_config_and_outlives_the_seed(string version)
    {
        using var root = new TestRoot(sharedSeeds: false);
        root.Create("first", version, noInstall: false);
        var env = root.Create("second", version, noInstall: false);
        // The seeded venv is the env's first generation; its scripts name its real path (the stable path links to it).
        var venv = Path.Combine(env.Path, "venvs", "1");

        var pipVersion = ChildProcess.Run(env.PythonPath, "-m", "pip", "--version");
        Assert.Equal(0, pipVersion.ExitCode);
        Assert.Contains($"from {venv}/lib/python{version}/site-packages/pip", pipVersion.Output);
        Assert.StartsWith($"#!{venv}/bin/python", File.ReadAllText(Path.Combine(venv, "bin", "pip")));
        Assert.Contains($"VIRTUAL_ENV=\"{venv}\"", File.ReadAllText(Path.Combine(venv, "bin", "activate")).Replace("'", "\""));
        var config = File.ReadAllText(Path.Combine(venv, "pyvenv.cfg"));
        Assert.Contains($"version = {env.PythonVersion}", config);
        Assert.DoesNotContain("seeds", config);
        Assert.Equal(venv, ChildProcess.Run("/bin/sh", "-c", $". {venv}/bin/activate && python -c 'import sys; print(sys.prefix)'").Output.Trim());

        Directory.Delete(Path.Combine(root.Paths.Cache, "seeds"), recursive: true);

        var wheels = WheelBuilder.Write(root.Scratch("wheels"), "after-seed", "1.0");
        var install = ChildProcess.Run(Path.Combine(venv, "bin", "pip"), "install", "--no-index", "--find-links", Path.GetDirectoryName(wheels)!, "after-seed");
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Equal(0, ChildProcess.Run(env.PythonPath, "-c", "import after_seed").ExitCode);
        Assert.Equal(0, ChildProcess.Run(env.PythonPath, "-m", "pip", "--version").ExitCode);
    }

    [Fact]
    public void Only_the_first_env_of_an_interpreter_builds_the_seed_and_every_env_links_its_packages()
    {
        using var root = new TestRoot(sharedSeeds: false);
        root.Create("one", "3.12", noInstall: false);
        root.Create("two", "3.12", noInstall: false);
        var seeds = Directory.GetDirectories(Path.Combine(root.Paths.Cache, "seeds"));
        Assert.Single(seeds);
        Assert.Contains("> laying out", File.ReadAllText(Directory.GetFiles(root.Paths.LogsFolder("two"))[0]));
        Assert.DoesNotContain("-m venv", File.ReadAllText(Directory.GetFiles(root.Paths.LogsFolder("two"))[0]));

        // The seed's packages are linked, read-only; what names the venv's own path is written for it.
        var venv = Path.Combine(root.Paths.GenerationsFolder("two"), "1");
        var pipInit = Directory.GetFiles(Path.Combine(venv, "lib"), "__init__.py", SearchOption.AllDirectories).Single(f => f.EndsWith("/site-packages/pip/__init__.py"));
        Assert.Equal("3 444", ChildProcess.Run("stat", "-c", "%h %a", pipInit).Output.Trim());
        Assert.Equal("1", ChildProcess.Run("stat", "-c", "%h", Path.Combine(venv, "bin", "pip")).Output.Trim());
        Assert.Equal("1", ChildProcess.Run("stat", "-c", "%h", Path.Combine(venv, "pyvenv.cfg")).Output.Trim());
    }

    [Fact]
    public void First_envs_of_an_interpreter_made_at_once_build_its_seed_once()
    {
        using var root = new TestRoot(sharedSeeds: false);
        var names = new[] { "one", "two", "three" };

        Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = names.Length }, name => root.Create(name, "3.12", noInstall: false));

        var logs = names.Select(name => File.ReadAllText(Directory.GetFiles(root.Paths.LogsFolder(name))[0])).ToList();
        Assert.Single(logs, log => log.Contains("-m venv"));
        Assert.All(logs, log => Assert.Contains("> laying out", log));
        Assert.Single(Directory.GetDirectories(Path.Combine(root.Paths.Cache, "seeds")));
    }
}
