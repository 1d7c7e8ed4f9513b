using CodeEnv.TestSupport;

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// A root for image tests under /tmp/codeenv (which a Dockerfile that stages its context there would delete) and with a
/// space in its path, on the run's shared seeds, whose index is the test packages. Each image test class has its own,
/// so the classes build beside each other.
/// </summary>
public sealed class ImageRoot : IDisposable
{
    private readonly string parent;

    public ImageRoot()
    {
        parent = System.IO.Path.Combine("/tmp/codeenv", Guid.NewGuid().ToString("N") + " with space");
        Path = System.IO.Path.Combine(parent, "root");
        Ps = new PowerShellSession(initializeRoot: false);
        Ps.Run("Initialize-CodeEnvRoot -Path $args[0] | Out-Null; $PSDefaultParameterValues['*-CodeEnv*:Root'] = $args[0]", Path).AssertSuccess();
        SharedSeeds.Share(Path);
        Ps.Run("Set-CodeEnvRoot -NoIndex -FindLinks $args[0]", PackageFixture.Write(Ps.Scratch("links"))).AssertSuccess();
    }

    public string Path { get; }

    public PowerShellSession Ps { get; }

    public void Dispose()
    {
        Ps.Dispose();
        ChildProcess.Run("rm", "-rf", parent);
    }
}
