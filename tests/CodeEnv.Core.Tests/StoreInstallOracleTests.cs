using System.Security.Cryptography;
using CodeEnv.Operations;
using CodeEnv.TestSupport;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The proof end to end: an env created by the engine from requirement lines (dependencies, an extra, markers, console
/// scripts, a data file) is resolved, stored and linked without pip, and is what <c>python -m venv</c> and
/// <c>pip install --no-index --find-links</c> of the same lines make with the same interpreter: the same pip list, the same
/// files and contents (bytecode and INSTALLER aside, the venv's own path aside), pip check passes, every console script
/// runs, and pip uninstall removes each package. <see cref="WheelInstallOracleTests"/> proves the installer alone; this
/// proves the resolver, the store and the installer together, as a user's New-CodeEnv runs them.
/// </summary>
[Trait(TestLayers.Category, TestLayers.Process)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class StoreInstallOracleTests : IDisposable
{
    private static readonly string[] Lines = { "app[speed]", "tool>=1", "lib", "oldonly; python_version < \"3\"" };

    private static readonly string[] Packages = { "app", "extra-dep", "lib", "tool" };

    private readonly TempFolder folder = new();

    [Fact]
    public async Task A_new_env_from_the_store_is_what_venv_and_pip_install_make_of_the_same_lines()
    {
        var links = WriteWheels(folder.Combine("links"));
        var python = Interpreters.Require("3.12").Path;
        using var root = new TestRoot(s =>
        {
            s.PackageSources.NoIndex = true;
            s.PackageSources.FindLinks.Add(links);
        });

        var byPip = folder.Combine("by-pip");
        OracleVenv.Make(python, byPip);
        var pip = ChildProcess.Run(Path.Combine(byPip, "bin", "python"), new[] { "-m", "pip", "install", "--no-index", "--find-links", links, "--disable-pip-version-check" }.Concat(Lines).ToArray());
        Assert.True(pip.ExitCode == 0, pip.Output);

        var reporter = new RecordingReporter();
        await root.Engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = "e2e", InterpreterPath = python, Requirements = Lines }, reporter, CancellationToken.None);
        var ours = Path.GetFullPath(new DirectoryInfo(root.Paths.VenvFolder("e2e")).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? root.Paths.VenvFolder("e2e"));
        Assert.Contains(reporter.Verbose, l => l.StartsWith("Installed 4 packages from the package store without pip (the whole set of 4 lines chosen as pip would", StringComparison.Ordinal));
        Assert.DoesNotContain(reporter.Verbose, l => l.StartsWith("pip installs this set", StringComparison.Ordinal));

        var oursPython = Path.Combine(ours, "bin", "python");
        Assert.Equal(PipList(Path.Combine(byPip, "bin", "python")), PipList(oursPython));
        var check = ChildProcess.Run(oursPython, "-m", "pip", "check");
        Assert.True(check.ExitCode == 0, check.Output);

        // The packages' files: the same paths and contents; scripts name their own venv.
        var pipFiles = PackageFiles(byPip);
        // The env's scripts name its first generation's folder, which its stable venv path leads to.
        var ourFiles = PackageFiles(ours, root.Paths.VenvFolder("e2e"), Path.Combine(root.Paths.EnvFolder("e2e"), "venvs", "1"));
        Assert.Equal(pipFiles.Keys.Order(StringComparer.Ordinal), ourFiles.Keys.Order(StringComparer.Ordinal));
        var differences = pipFiles.Where(f => f.Value != ourFiles[f.Key]).Select(f => f.Key).ToList();
        Assert.True(differences.Count == 0, "Files that differ:\n" + string.Join("\n", differences.Select(d => $"{d}\npip:\n{File.ReadAllText(Path.Combine(byPip, d))}\nours:\n{File.ReadAllText(Path.Combine(ours, d))}")));
        Assert.Contains("share/app/notes.txt", ourFiles.Keys);

        Assert.Equal("app runs fast", Run(Path.Combine(ours, "bin", "app-cli")));
        Assert.Equal("tool runs with lib 2.0", Run(Path.Combine(ours, "bin", "tool")));

        // One pip run uninstalls them all (each pip start costs the suite a second), each by its own RECORD.
        var uninstall = ChildProcess.Run(oursPython, new[] { "-m", "pip", "uninstall", "-y" }.Concat(Packages).ToArray());
        Assert.True(uninstall.ExitCode == 0, uninstall.Output);
        Assert.All(Packages, package => Assert.Contains("Successfully uninstalled " + package, uninstall.Output));

        Assert.Empty(PackageFiles(ours));
    }

    // app (an extra that pulls extra-dep; a Windows-only dependency; a console script; a data file) needs lib, which has
    // two versions; tool needs lib<3 and has a script; oldonly is for Python 2 and winonly for Windows: neither comes.
    private static string WriteWheels(string links)
    {
        new TestWheel("app", "1.0")
            .Providing("speed")
            .Requiring("lib>=1")
            .Requiring("extra-dep; extra == \"speed\"")
            .Requiring("winonly; sys_platform == \"win32\"")
            .With("app/__init__.py", "")
            .With("app/main.py", "def run():\n    import extra_dep\n    print('app runs ' + extra_dep.SPEED)\n")
            .With("app-1.0.data/data/share/app/notes.txt", "notes\n")
            .WithEntryPoints("[console_scripts]\napp-cli = app.main:run\n")
            .Write(links);
        new TestWheel("extra-dep", "1.0").With("extra_dep.py", "SPEED = 'fast'\n").Write(links);
        new TestWheel("lib", "1.0").With("lib.py", "VERSION = '1.0'\n").Write(links);
        new TestWheel("lib", "2.0").With("lib.py", "VERSION = '2.0'\n").Write(links);
        new TestWheel("tool", "1.0")
            .Requiring("lib<3")
            .With("tool.py", "def main():\n    import lib\n    print('tool runs with lib ' + lib.VERSION)\n")
            .WithEntryPoints("[console_scripts]\ntool = tool:main\n")
            .Write(links);
        new TestWheel("winonly", "1.0").With("winonly.py", "").Write(links);
        new TestWheel("oldonly", "1.0").With("oldonly.py", "").Write(links);
        return links;
    }

    // The files every non-pip RECORD of the venv lists, by path from the venv, with their content's digest (the venv's own
    // path replaced, so a script's shebang compares); bytecode by name only, INSTALLER's and RECORD's content aside.
    private static Dictionary<string, string> PackageFiles(string venv, params string[] names)
    {
        var sitePackages = Directory.GetDirectories(Path.Combine(venv, "lib"), "python3.*").Single() + "/site-packages";
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in Directory.GetFiles(sitePackages, "RECORD", SearchOption.AllDirectories).Where(r => !Path.GetFileName(Path.GetDirectoryName(r)!).StartsWith("pip-", StringComparison.Ordinal)))
        {
            foreach (var line in File.ReadAllLines(record).Where(l => l.Length > 0))
            {
                var path = Path.GetRelativePath(venv, Path.GetFullPath(Path.Combine(sitePackages, line.Split(',')[0])));
                var content = path.EndsWith(".pyc", StringComparison.Ordinal) ? "bytecode"
                    : path.EndsWith("/INSTALLER", StringComparison.Ordinal) || path.EndsWith("/RECORD", StringComparison.Ordinal) ? "aside"
                    : Digest(Path.Combine(venv, path), names.Append(venv));
                var executable = (File.GetUnixFileMode(Path.Combine(venv, path)) & UnixFileMode.UserExecute) != 0;
                files[path] = content + (executable ? " executable" : "");
            }
        }

        return files;
    }

    // Latin-1 maps every byte to one character and back, so any file's bytes survive the replacement.
    private static string Digest(string file, IEnumerable<string> venvNames)
    {
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(file));
        foreach (var name in venvNames.OrderByDescending(n => n.Length))
        {
            text = text.Replace(name, "<venv>", StringComparison.Ordinal);
        }

        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.Latin1.GetBytes(text)))[..16];
    }

    private static string PipList(string python)
    {
        var list = ChildProcess.Run(python, "-m", "pip", "list", "--format", "json", "--disable-pip-version-check");
        Assert.True(list.ExitCode == 0, list.Output);
        return JArray.Parse(list.Output.Trim()).ToString();
    }

    private static string Run(string script)
    {
        var run = ChildProcess.Run(script);
        Assert.True(run.ExitCode == 0, $"{script}: {run.Output}");
        return run.Output.Trim();
    }

    public void Dispose() => folder.Dispose();
}
