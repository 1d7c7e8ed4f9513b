using CodeEnv.Operations;
using CodeEnv.Security;
using CodeEnv.Store;
using CodeEnv.TestSupport;

namespace CodeEnv.Core.Tests;

/// <summary>
/// A real root in a temp folder, with the engine services a test needs. Its interpreter seeds are the run's
/// (<see cref="SharedSeeds.Share"/>) unless the test is about building one. Each root building its own, the engine
/// suite ran `python -m ensurepip` about twenty times a run, some 90 CPU-seconds on a machine of two cores.
/// </summary>
internal sealed class TestRoot : IDisposable
{
    private readonly TempFolder folder = new();

    public TestRoot(Action<RootSettingsDocument>? configure = null, bool sharedSeeds = true)
    {
        Paths = new RootPaths(folder.Combine("root"));
        RootStore.Initialize(Paths.Root, null, Identity.Current(), SystemClock.Instance);
        if (sharedSeeds)
        {
            SharedSeeds.Share(Paths.Root);
        }

        if (configure != null)
        {
            RootStore.Update(Paths, configure, Identity.Current(), SystemClock.Instance, TimeSpan.FromSeconds(5));
        }

        Engine = new CodeEnvEngine(Paths.Root, Identity, SystemClock.Instance);
    }

    public static IIdentityProvider Identity => OsIdentityProvider.Instance;

    public RootPaths Paths { get; }

    public CodeEnvEngine Engine { get; }

    public string Scratch(string name) => folder.Combine(name);

    public EnvironmentInfo Create(string name, string? pythonVersion = null, bool noInstall = true, string? interpreter = null) =>
        Engine.Lifecycle.CreateAsync(new NewEnvironmentRequest { Name = name, PythonVersion = interpreter == null ? pythonVersion ?? "3.11" : null, InterpreterPath = interpreter, NoInstall = noInstall }, null, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose() => folder.Dispose();
}
