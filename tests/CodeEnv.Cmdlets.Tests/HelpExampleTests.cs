using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Every example in the help runs, as written, against a root like the one the examples talk about: envs churn,
/// sales-forecast and old-experiment, container configs slim312 and slim311, the group analysts, and offline stand-in
/// wheels for the packages they name (pandas, tabulate, xgboost, ...; empty packages built by the test, since no
/// index is reachable). /srv/ in an example is a folder of the test class's own (see HelpExampleRoots). An example that
/// cannot run here says why in module/help/cmdlets.json ("runs": false); every cmdlet keeps at least one that runs.
/// </summary>
public class HelpExampleTests : IClassFixture<HelpExampleRoots>
{
    private static readonly JObject Prose = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "module", "help", "cmdlets.json")));

    private readonly HelpExampleRoots roots;

    public HelpExampleTests(HelpExampleRoots roots) => this.roots = roots;

    public static IEnumerable<object[]> Cmdlets() => ModuleTests.CmdletNames.Select(c => new object[] { c });

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_example_of_the_help_runs_as_written(string cmdlet)
    {
        var examples = ((JArray)Prose[cmdlet]!["examples"]!).Cast<JObject>().ToList();
        var runnable = examples.Where(e => e.Value<bool?>("runs") != false).ToList();
        Assert.True(runnable.Count > 0, $"{cmdlet} has no example that runs");
        Assert.All(examples.Except(runnable), e => Assert.False(string.IsNullOrWhiteSpace(e.Value<string>("why")), $"an example of {cmdlet} that does not run must say why"));

        using var ps = new PowerShellSession(initializeRoot: false);
        var scratch = roots.Restore(ps, cmdlet);
        foreach (var example in runnable)
        {
            var code = example.Value<string>("code")!.Replace("/srv/", scratch + "/srv/");
            var result = ps.Run("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null; " + code + "\nif ($LASTEXITCODE) { throw \"exit code $LASTEXITCODE\" }", scratch);
            Assert.True(result.AllErrors.Count == 0, $"{cmdlet} example '{example.Value<string>("title")}' failed: {string.Join(" | ", result.AllErrors.Select(e => e.ToString()))}\n{code}");
        }
    }
}

/// <summary>
/// The root the examples talk about, built once per variant and restored for each cmdlet's examples at the same path
/// (a venv names its own path, so a copy elsewhere would not run): the examples of one cmdlet change the root, and the
/// next cmdlet's start from it as built. The theory's cases run one after another, so one path serves them all.
/// </summary>
public sealed class HelpExampleRoots : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly Dictionary<string, string> templates = new();

    private string Scratch => folder.Combine("admin");

    /// <summary>Puts the root the examples of <paramref name="cmdlet"/> expect in place; returns the folder that /srv/ stands for.</summary>
    public string Restore(PowerShellSession ps, string cmdlet)
    {
        var variant = Variant(cmdlet);
        if (templates.TryGetValue(variant, out var template))
        {
            FolderCopy.Mirror(template, Scratch);
        }
        else
        {
            Assert.Equal(0, ChildProcess.Run("rm", "-rf", Scratch).ExitCode);
            // The hand-made venv as the first variant's build made it: each python -m venv ran ensurepip again.
            var madeByHand = templates.Values.Select(t => Path.Combine(t, HandMadeVenvPath)).FirstOrDefault(Directory.Exists);
            if (madeByHand != null)
            {
                FolderCopy.Mirror(madeByHand, Path.Combine(Scratch, HandMadeVenvPath));
            }

            Build(ps, variant);
            template = folder.Combine("templates", variant);
            FolderCopy.Mirror(Scratch, template);
            templates[variant] = template;
        }

        ps.Run("$PSDefaultParameterValues['*-CodeEnv*:Root'] = $args[0]", RootOf(variant)).AssertSuccess();
        return Scratch;
    }

    // New-CodeEnvContainerConfig's example makes slim312 and Initialize-CodeEnvRoot's makes /srv/codeenv: for those two,
    // the root leaves them to the example.
    private static string Variant(string cmdlet) => cmdlet is "Initialize-CodeEnvRoot" or "New-CodeEnvContainerConfig" ? cmdlet : "every other cmdlet";

    // Where the examples that adopt or register a venv find it (/srv/venvs/etl); a venv names its path, so it is only
    // ever put back at this one.
    private static readonly string HandMadeVenvPath = Path.Combine("srv", "venvs", "etl");

    private string RootOf(string variant) => Path.Combine(Scratch, variant == "Initialize-CodeEnvRoot" ? "elsewhere" : "srv", "codeenv");

    private void Build(PowerShellSession ps, string variant)
    {
        var links = PackageFixture.Write(Path.Combine(Scratch, "links"));
        foreach (var (name, version) in new[] { ("pandas", "2.2.3"), ("tabulate", "0.9.0"), ("xgboost", "2.1.0"), ("scipy", "1.13.0"), ("scikit-learn", "1.5.2"), ("jinja2", "3.1.4") })
        {
            WheelBuilder.Write(links, name, version);
        }

        // An sdist whose build needs no setuptools: the example is about publishing, and a setup.py build costs seconds.
        SdistBuilder.WriteWithInTreeBackend(Path.Combine(Scratch, "dist"), "inhouse-tools", "1.4.0", hookPrelude: "pass");
        Directory.CreateDirectory(Path.Combine(Scratch, "srv", "wheels"));
        File.WriteAllText(Path.Combine(Scratch, "requirements.txt"), "pandas>=2\ntabulate\n");
        OsvExport.Write(Path.Combine(Scratch, "srv", "osv", "PyPI-all.zip"), OsvExport.Advisory("GHSA-tabu-late-0001", "tabulate", new[] { "introduced:0", "fixed:0.9.1" }));
        File.WriteAllText(Path.Combine(Scratch, "train.py"), "import sys\nprint('trained with', sys.argv[1:])\n");
        var root = RootOf(variant);
        ps.Run("Initialize-CodeEnvRoot -Path $args[0] | Out-Null", root).AssertSuccess();
        SharedSeeds.Share(root);
        ps.Run("""
            $ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null
            $PSDefaultParameterValues['*-CodeEnv*:Root'] = $args[2]
            Set-CodeEnvRoot -NoIndex -FindLinks $args[1]
            if ($args[3] -ne 'New-CodeEnvContainerConfig') { New-CodeEnvContainerConfig slim312 -BaseImage python:3.12-slim -PythonPath /usr/local/bin/python3 | Out-Null }
            New-CodeEnvContainerConfig slim311 -BaseImage python:3.11-slim -PythonPath /usr/local/bin/python3 | Out-Null
            New-CodeEnv churn -PythonVersion 3.12 -Requirement 'pandas>=2', 'tabulate' | Out-Null
            if ($args[3] -ne 'New-CodeEnvContainerConfig') { Set-CodeEnv churn -ContainerSelection Selected -ContainerConfig slim312 }
            Grant-CodeEnvPermission churn -Group analysts -Permission UpdatePackages
            Set-CodeEnv churn -Description 'Churn models'
            New-CodeEnv sales-forecast -PythonVersion 3.12 | Out-Null
            New-CodeEnv old-experiment -PythonVersion 3.12 -NoInstall | Out-Null
            Export-CodeEnv churn ./churn.json | Out-Null
            Import-CodeEnvAdvisoryDatabase ./srv/osv/PyPI-all.zip | Out-Null
            # A venv made by hand, for the examples that adopt or register one (put back from the first variant's build, if any).
            $etl = [System.IO.Path]::Combine($args[0], 'srv', 'venvs', 'etl')
            if (-not [System.IO.File]::Exists([System.IO.Path]::Combine($etl, 'pyvenv.cfg'))) { & @(Get-CodeEnvPython | Where-Object SupportsVenv)[0].Path -m venv $etl }
            """, Scratch, links, root, variant).AssertSuccess();
    }

    public void Dispose() => folder.Dispose();
}
