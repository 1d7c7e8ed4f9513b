using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>A session whose root is offline (-NoIndex) and finds the <see cref="PackageFixture"/> wheels, as air-gapped servers run.</summary>
public static class PackageSession
{
    public static PowerShellSession Create(bool sharedSeeds = true)
    {
        var ps = new PowerShellSession(sharedSeeds: sharedSeeds);
        var links = PackageFixture.Write(ps.Scratch("links"));
        ps.Run("Set-CodeEnvRoot -NoIndex -FindLinks $args[0]", links).AssertSuccess();
        return ps;
    }

    /// <summary>Names and versions as `pip list --format json` reports them for the env's venv.</summary>
    public static List<(string Name, string Version)> PipList(string venvPython)
    {
        var start = new System.Diagnostics.ProcessStartInfo(venvPython, new[] { "-m", "pip", "list", "--format", "json", "--disable-pip-version-check" }) { RedirectStandardOutput = true };
        start.Environment["PIP_CONFIG_FILE"] = "/dev/null";
        using var pip = System.Diagnostics.Process.Start(start)!;
        var json = pip.StandardOutput.ReadToEnd();
        pip.WaitForExit();
        Assert.Equal(0, pip.ExitCode);
        return Newtonsoft.Json.Linq.JArray.Parse(json)
            .Select(p => (p.Value<string>("name")!, p.Value<string>("version")!))
            .OrderBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
