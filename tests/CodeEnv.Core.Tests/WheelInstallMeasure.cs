using System.Diagnostics;
using CodeEnv.Python;
using CodeEnv.TestSupport;
using CodeEnv.Wheels;
using Xunit.Abstractions;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A measure, not a timed test: how long the native install of 50 small wheels (2,000 files) into a fresh venv takes,
/// their trees already in the store and compiled, against pip installing the same wheels offline into another fresh venv
/// of the same interpreter. It runs only when asked for, and prints its figures:
/// <code>CODEENV_MEASURE=1 dotnet test tests/CodeEnv.Core.Tests --filter FullyQualifiedName~WheelInstallMeasure --logger "console;verbosity=detailed"</code>
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
public class WheelInstallMeasure : IDisposable
{
    private const int Wheels = 50;
    private const int ModulesPerWheel = 37; // with METADATA, WHEEL and RECORD, 40 files a wheel
    private const int Runs = 5;

    private readonly TempFolder folder = new();
    private readonly ITestOutputHelper output;

    public WheelInstallMeasure(ITestOutputHelper output)
    {
        this.output = output;
    }

    [MeasureFact]
    public async Task Native_install_against_pip_install_of_50_wheels()
    {
        var interpreter = Interpreters.Require("3.12");
        var links = folder.Combine("wheels");
        var names = Enumerable.Range(0, Wheels).Select(i => $"measure-pkg-{i}").ToList();
        var files = names.Select(name =>
        {
            var wheel = new TestWheel(name, "1.0");
            for (var m = 0; m < ModulesPerWheel; m++)
            {
                wheel.With($"{name.Replace('-', '_')}/module_{m}.py", $"VALUE = {m}\n\ndef value():\n    return VALUE * 2\n");
            }

            return wheel.Write(links);
        }).ToList();

        var store = new PackageStore(folder.Combine("store"));
        var installer = new WheelInstaller(store, SystemProcessRunner.Instance);
        var clock = Stopwatch.StartNew();
        var requests = files.Select(f => new WheelInstallRequest(store.Tree(store.Add(f).Sha256), requested: true)).ToList();
        var storing = clock.Elapsed;
        clock.Restart();
        await installer.InstallAsync(NewVenv(interpreter.Path, "warm"), requests, LinkMode.Link, CancellationToken.None);
        var firstInstall = clock.Elapsed; // the scheme probe (unless cached) and the compile of every tree, then the install

        var native = new List<double>();
        var copies = new List<double>();
        var pip = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            native.Add(await Time(() => installer.InstallAsync(NewVenv(interpreter.Path, $"native{run}"), requests, LinkMode.Link, CancellationToken.None)));
            copies.Add(await Time(() => installer.InstallAsync(NewVenv(interpreter.Path, $"copy{run}"), requests, LinkMode.Copy, CancellationToken.None)));
            if (run < 3)
            {
                var python = Path.Combine(NewVenv(interpreter.Path, $"pip{run}", withPip: true), "bin", "python");
                pip.Add(await Time(() =>
                {
                    var install = ChildProcess.Run(python, new[] { "-m", "pip", "install", "--no-index", "--find-links", links, "--disable-pip-version-check", "-q" }.Concat(names).ToArray());
                    Assert.True(install.ExitCode == 0, install.Output);
                    return Task.CompletedTask;
                }));
            }
        }

        var installedFiles = Directory.GetFiles(Path.Combine(folder.Combine("native0"), "lib"), "*", SearchOption.AllDirectories).Length;
        output.WriteLine($"Python {interpreter.Version}; {Wheels} wheels, {Wheels * (ModulesPerWheel + 3)} files in them, {installedFiles} files installed with their bytecode; milliseconds, median of {Runs} (pip: 3), each into a fresh venv");
        output.WriteLine($"  adding the wheels to the store and unpacking their trees (once): {storing.TotalMilliseconds,8:N0}");
        output.WriteLine($"  first native install (compiles every tree once)               : {firstInstall.TotalMilliseconds,8:N0}");
        output.WriteLine($"  native install, hard links                                    : {Median(native),8:N0}  ({native.Min():N0}-{native.Max():N0})");
        output.WriteLine($"  native install, copies                                        : {Median(copies),8:N0}  ({copies.Min():N0}-{copies.Max():N0})");
        output.WriteLine($"  pip install --no-index --find-links                           : {Median(pip),8:N0}  ({pip.Min():N0}-{pip.Max():N0})");
        output.WriteLine($"  pip / native (hard links)                                     : {Median(pip) / Median(native),8:N1}x");
    }

    private string NewVenv(string python, string name, bool withPip = false)
    {
        var venv = folder.Combine(name);
        var made = withPip ? ChildProcess.Run(python, "-m", "venv", venv) : ChildProcess.Run(python, "-m", "venv", "--without-pip", venv);
        Assert.True(made.ExitCode == 0, made.Output);
        return venv;
    }

    private static async Task<double> Time(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    public void Dispose() => folder.Dispose();
}
