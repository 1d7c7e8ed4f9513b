namespace CodeEnv.TestSupport;

/// <summary>
/// The trait that keeps a test out of the fast layer: it starts a process (an interpreter, pip, a venv build, a system
/// tool). The fast layer, `dotnet test tests/CodeEnv.Core.Tests --filter Category!=Process`, is the engine's logic
/// alone (decisions, parsing, policy, planning, error mapping) and answers in seconds.
/// </summary>
public static class TestLayers
{
    public const string Category = "Category";
    public const string Process = "Process";
}
