using CodeEnv.Errors;
using CodeEnv.Python;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

[Trait(TestLayers.Category, TestLayers.Process)]
public class InterpreterDiscoveryTests
{
    [Fact]
    public void Finds_at_least_two_python_versions_that_can_create_venvs()
    {
        var (first, second) = Interpreters.TwoVersions();
        Assert.NotEqual(InterpreterSelector.ShortVersion(first), InterpreterSelector.ShortVersion(second));
    }

    [Fact]
    public void Each_interpreter_is_listed_once_even_when_reached_through_symlinks_and_shims()
    {
        var paths = Interpreters.All.Select(i => i.Path).ToList();
        Assert.Equal(paths.Count, paths.Distinct().Count());
        Assert.All(paths, p => Assert.Equal(p, RealPath.Of(p)));
    }

    [Fact]
    public void Reports_full_versions_sources_and_capabilities()
    {
        var python = Interpreters.Require("3.12");
        Assert.Matches(@"^3\.12\.\d+", python.Version.ToString());
        Assert.True(python.SupportsVenv);
        Assert.False(string.IsNullOrEmpty(python.Source));
        Assert.True(File.Exists(python.Path));
    }

    [Fact]
    public void Python_2_is_found_but_cannot_create_venvs()
    {
        var python2 = Interpreters.All.FirstOrDefault(i => i.Version.Major == 2);
        Assert.True(python2 != null, "This machine's Python 2.7 (pyenv) was not discovered.");
        Assert.False(python2!.SupportsVenv);
    }

    [Fact]
    public async Task Symlinked_interpreters_on_path_resolve_to_one_entry()
    {
        using var folder = new TempFolder();
        var real = Interpreters.Require("3.11").Path;
        File.CreateSymbolicLink(folder.Combine("python3"), real);
        File.CreateSymbolicLink(folder.Combine("python"), real);
        var found = await new InterpreterDiscovery(folder.Path, null, Array.Empty<string>()).DiscoverAsync(CancellationToken.None);
        var matching = found.Where(i => i.Path == real).ToList();
        Assert.Single(matching);
    }

    [Fact]
    public void Selecting_major_minor_picks_the_newest_patch_release()
    {
        var interpreters = new[]
        {
            new PythonInterpreter("3.11.2", "/a", "x", true, true, "CPython", "x86_64"),
            new PythonInterpreter("3.11.10", "/b", "x", true, true, "CPython", "x86_64"),
            new PythonInterpreter("3.1.5", "/c", "x", true, true, "CPython", "x86_64"),
        };
        Assert.Equal("/b", InterpreterSelector.Select(interpreters, "3.11").Path);
        Assert.Equal("/a", InterpreterSelector.Select(interpreters, "3.11.2").Path);
        Assert.Equal("/c", InterpreterSelector.Select(interpreters, "3.1").Path);
    }

    [Fact]
    public void A_version_that_is_not_installed_is_not_found_and_the_error_lists_what_is()
    {
        var error = Assert.Throws<CodeEnvException>(() => InterpreterSelector.Select(Interpreters.All, "3.4"));
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Equal("PythonVersionNotFound", error.ErrorId);
        Assert.Contains(Interpreters.Require("3.12").Version.ToString(), error.Message);
    }

    [Theory]
    [InlineData("three")]
    [InlineData("3.11.x")]
    [InlineData("")]
    public void A_malformed_version_is_an_invalid_argument(string version)
    {
        var error = Assert.Throws<CodeEnvException>(() => InterpreterSelector.Select(Interpreters.All, version));
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void The_missing_headers_advice_names_an_os_package()
    {
        var system = new PythonInterpreter("3.11.2", "/usr/bin/python3.11", "/usr/bin", true, false, "CPython", "x86_64");
        var advice = DevelopmentHeadersAdvice.For(system);
        Assert.Contains("Python.h", advice);
        Assert.Matches("python3(\\.11)?-dev|python3-devel", advice);
    }
}
