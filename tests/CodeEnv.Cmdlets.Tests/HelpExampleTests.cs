using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// Every example in the help runs, as written, against a root like the one the examples talk about: envs churn,
/// sales-forecast and old-experiment, container configs slim312 and slim311, the group analysts, and offline stand-in
/// wheels for the packages they name (pandas, tabulate, xgboost, ...; empty packages built by the test, since no
/// index is reachable). /srv/ in an example is a folder of the test's own. An example that cannot run here says why
/// in module/help/cmdlets.json ("runs": false); every cmdlet keeps at least one that runs.
/// </summary>
public class HelpExampleTests
{
    private static readonly JObject Prose = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "module", "help", "cmdlets.json")));

    public static IEnumerable<object[]> Cmdlets() => ModuleTests.CmdletNames.Select(c => new object[] { c });

    // New-CodeEnvContainerConfig's example makes slim312 and Initialize-CodeEnvRoot's makes /srv/codeenv: for those two,
    // the fixture leaves them to the example.
    private static string Fixture(PowerShellSession ps, string cmdlet)
    {
        var scratch = ps.Scratch("admin");
        var links = PackageFixture.Write(Path.Combine(scratch, "links"));
        BuildTools.CopyTo(links);
        foreach (var (name, version) in new[] { ("pandas", "2.2.3"), ("tabulate", "0.9.0"), ("xgboost", "2.1.0"), ("scipy", "1.13.0"), ("scikit-learn", "1.5.2"), ("jinja2", "3.1.4") })
        {
            WheelBuilder.Write(links, name, version);
        }

        SdistBuilder.Write(Path.Combine(scratch, "dist"), "inhouse-tools", "1.4.0");
        Directory.CreateDirectory(Path.Combine(scratch, "srv", "wheels"));
        File.WriteAllText(Path.Combine(scratch, "requirements.txt"), "pandas>=2\ntabulate\n");
        File.WriteAllText(Path.Combine(scratch, "train.py"), "import sys\nprint('trained with', sys.argv[1:])\n");
        ps.Run("""
            $ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null
            $root = [System.IO.Path]::Combine($args[0], $(if ($args[2] -eq 'Initialize-CodeEnvRoot') { 'elsewhere' } else { 'srv' }), 'codeenv')
            Initialize-CodeEnvRoot -Path $root | Out-Null
            $PSDefaultParameterValues['*-CodeEnv*:Root'] = $root
            Set-CodeEnvRoot -NoIndex -FindLinks $args[1]
            if ($args[2] -ne 'New-CodeEnvContainerConfig') { New-CodeEnvContainerConfig slim312 -BaseImage python:3.12-slim -PythonPath /usr/local/bin/python3 | Out-Null }
            New-CodeEnvContainerConfig slim311 -BaseImage python:3.11-slim -PythonPath /usr/local/bin/python3 | Out-Null
            New-CodeEnv churn -PythonVersion 3.12 -Requirement 'pandas>=2', 'tabulate' | Out-Null
            if ($args[2] -ne 'New-CodeEnvContainerConfig') { Set-CodeEnv churn -ContainerSelection Selected -ContainerConfig slim312 }
            Grant-CodeEnvPermission churn -Group analysts -Permission UpdatePackages
            Set-CodeEnv churn -Description 'Churn models'
            New-CodeEnv sales-forecast -PythonVersion 3.12 | Out-Null
            New-CodeEnv old-experiment -PythonVersion 3.12 -NoInstall | Out-Null
            Export-CodeEnv churn ./churn.json | Out-Null
            if ($args[2] -in 'Register-CodeEnv', 'New-CodeEnv') {
                # A venv made by hand, for the examples that adopt or register one.
                & @(Get-CodeEnvPython | Where-Object SupportsVenv)[0].Path -m venv ([System.IO.Path]::Combine($args[0], 'srv', 'venvs', 'etl'))
            }
            """, scratch, links, cmdlet).AssertSuccess();
        return scratch;
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_example_of_the_help_runs_as_written(string cmdlet)
    {
        var examples = ((JArray)Prose[cmdlet]!["examples"]!).Cast<JObject>().ToList();
        var runnable = examples.Where(e => e.Value<bool?>("runs") != false).ToList();
        Assert.True(runnable.Count > 0, $"{cmdlet} has no example that runs");
        Assert.All(examples.Except(runnable), e => Assert.False(string.IsNullOrWhiteSpace(e.Value<string>("why")), $"an example of {cmdlet} that does not run must say why"));

        using var ps = new PowerShellSession(initializeRoot: false);
        var scratch = Fixture(ps, cmdlet);
        foreach (var example in runnable)
        {
            var code = example.Value<string>("code")!.Replace("/srv/", scratch + "/srv/");
            var result = ps.Run("$ExecutionContext.SessionState.Path.SetLocation($args[0]) | Out-Null; " + code + "\nif ($LASTEXITCODE) { throw \"exit code $LASTEXITCODE\" }", scratch);
            Assert.True(result.AllErrors.Count == 0, $"{cmdlet} example '{example.Value<string>("title")}' failed: {string.Join(" | ", result.AllErrors.Select(e => e.ToString()))}\n{code}");
        }
    }
}
