using System.Diagnostics;
using CodeEnv.Python;
using CodeEnv.Requirements;
using CodeEnv.Resolution;
using CodeEnv.TestSupport;
using Xunit.Abstractions;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A measure, not a timed test: how long CodeEnv's resolver takes to choose 50 projects in a chain (bench-pkg-0 requires
/// bench-pkg-1, ... , three versions each) from a find-links folder, beside pip install --dry-run --report of the same line
/// in a real venv. It asserts only that both choose the same set; the figures go to the test's output:
/// <c>dotnet test tests/CodeEnv.Core.Tests --filter FullyQualifiedName~ResolverMeasure --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public sealed class ResolverMeasure : IDisposable
{
    private const int Projects = 50;

    private readonly ITestOutputHelper output;
    private readonly TempFolder work = new();

    public ResolverMeasure(ITestOutputHelper output)
    {
        this.output = output;
    }

    public void Dispose() => work.Dispose();

    [MeasureFact]
    public async Task Fifty_projects_in_a_chain_resolved_by_codeenv_and_by_pip()
    {
        var links = work.Combine("links");
        for (var i = 0; i < Projects; i++)
        {
            foreach (var version in new[] { "1.0", "1.1", "2.0" })
            {
                ResolutionWheels.Write(links, $"bench-pkg-{i}", version, requires: i + 1 < Projects ? new[] { $"bench-pkg-{i + 1}>=1.0" } : null);
            }
        }

        var venv = work.Combine("venv");
        Assert.Equal(0, (await SystemProcessRunner.Instance.RunAsync(Interpreters.Require("3.12").Path, new[] { "-m", "venv", venv }, null, CancellationToken.None, PythonEnvironment.Clean)).ExitCode);
        var python = Path.Combine(venv, "bin", "python");
        var environment = await ResolverEnvironment.ForVenvAsync(SystemProcessRunner.Instance, python, null, CancellationToken.None);
        var lines = RequirementsParser.Parse(new[] { "bench-pkg-0" }, AnyRequirementLine.Instance);

        var ours = new List<double>();
        ResolutionOutcome? outcome = null;
        for (var run = 0; run < 5; run++)
        {
            using var fetcher = new HttpUrlFetcher(Array.Empty<string>());
            var watch = Stopwatch.StartNew();
            var resolver = new GreedyResolver(new CandidateFinder(new CandidateSources(new[] { links }, Array.Empty<string>()), fetcher, environment.Tags, environment.PythonVersion), new CandidateMetadataReader(fetcher), environment);
            outcome = await resolver.ResolveAsync(lines, null, CancellationToken.None);
            ours.Add(watch.Elapsed.TotalMilliseconds);
        }

        var pips = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            var pip = await SystemProcessRunner.Instance.RunAsync(python, new[] { "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-cache-dir", "--quiet", "--report", work.Combine("report.json"), "--no-index", "--find-links", links, "bench-pkg-0" }, null, CancellationToken.None, PythonEnvironment.Clean);
            pips.Add(watch.Elapsed.TotalMilliseconds);
            Assert.True(pip.ExitCode == 0, string.Join("\n", pip.StandardError));
        }

        var chosen = ResolutionOracleTests.PipChoice.From(File.ReadAllText(work.Combine("report.json")));
        Assert.True(outcome!.IsResolved, outcome.ToString());
        Assert.Equal(chosen.Installs.Select(i => i.Pin).OrderBy(p => p), outcome.Distributions.Select(d => d.ToString()).OrderBy(p => p));
        Assert.Equal(Projects, outcome.Distributions.Count);

        output.WriteLine($"{Projects} projects in a chain, 3 versions each, from a find-links folder, Python {environment.PythonVersion}, pip {environment.Pip.PipVersion}:");
        output.WriteLine($"  CodeEnv resolver: first {ours[0]:0} ms, then median {Median(ours.Skip(1)):0} ms ({string.Join(", ", ours.Select(t => t.ToString("0")))} ms)");
        output.WriteLine($"  pip install --dry-run --report: median {Median(pips):0} ms ({string.Join(", ", pips.Select(t => t.ToString("0")))} ms)");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
