using CodeEnv.Python;

namespace CodeEnv.Core.Tests;

/// <summary>
/// The real interpreters the tests build venvs with. A missing one fails the test with a message: a test that
/// needs two Python versions never passes silently with one.
/// </summary>
public static class Interpreters
{
    private static readonly Lazy<IReadOnlyList<CodeEnv.PythonInterpreter>> Found = new(() =>
        InterpreterDiscovery.ForThisMachine(Array.Empty<string>()).DiscoverAsync(CancellationToken.None).GetAwaiter().GetResult());

    public static IReadOnlyList<CodeEnv.PythonInterpreter> All => Found.Value;

    /// <summary>The newest interpreter of <paramref name="majorMinor"/> that can create venvs.</summary>
    public static CodeEnv.PythonInterpreter Require(string majorMinor) =>
        All.Where(i => i.SupportsVenv && InterpreterSelector.Matches(i, majorMinor)).OrderByDescending(i => i.Version).FirstOrDefault()
        ?? throw new InvalidOperationException(
            $"These tests need Python {majorMinor} with venv support, and discovery found: {string.Join(", ", All.Select(i => i.Version + " " + i.Path))}. Install Python {majorMinor} (pyenv install {majorMinor}).");

    /// <summary>Two different versions that can create venvs, preferring 3.11 and 3.12.</summary>
    public static (CodeEnv.PythonInterpreter First, CodeEnv.PythonInterpreter Second) TwoVersions() => (Require("3.11"), Require("3.12"));
}
