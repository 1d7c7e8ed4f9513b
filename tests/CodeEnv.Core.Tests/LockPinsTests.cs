using CodeEnv.Packages;

namespace CodeEnv.Core.Tests;

/// <summary>Which lock entries become pins: every reproducing site asks LockPins.</summary>
public class LockPinsTests
{
    private static readonly LockedPackage[] Lock =
    {
        new() { Name = "pip", Version = "24.0" },
        new() { Name = "requests", Version = "2.32.3" },
        new() { Name = "SetupTools", Version = "69.0" },
        new() { Name = "wheel", Version = "0.43" },
    };

    [Fact]
    public void A_new_venv_pins_the_lock_without_the_venv_tooling()
    {
        Assert.Equal(new[] { "requests==2.32.3" }, LockPins.Lines(Lock));
    }

    [Fact]
    public void A_rebuild_of_the_same_venv_pins_the_tooling_too()
    {
        Assert.Equal(new[] { "pip==24.0", "requests==2.32.3", "SetupTools==69.0", "wheel==0.43" }, LockPins.Lines(Lock, includeVenvTooling: true));
    }
}
