using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("CodeEnv.Cmdlets.Tests.CmdletTestFramework", "CodeEnv.Cmdlets.Tests")]

namespace CodeEnv.Cmdlets.Tests;

/// <summary>
/// xunit's own test framework, plus the cleanup that can only run once the whole assembly has run: what several test
/// classes share for the life of the test process (the copy of the codeenv shell other OS users start, the shared
/// interpreter seeds). xunit 2 has no
/// assembly fixture, and the test host is ended without its exit handlers running, so this is the place.
/// </summary>
public sealed class CmdletTestFramework : XunitTestFramework, IDisposable
{
    // Set before any test runs: every temporary folder of the run, and of every process it starts, is in memory.
    private readonly string? memoryTemp = CodeEnv.TestSupport.MemoryTemp.Use();

    public CmdletTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
        CtrlCReachesChildren.Restore();
    }

    // xunit disposes its framework through IDisposable, which this class implements again, since TestFramework.Dispose
    // cannot be overridden.
    public new void Dispose()
    {
        OsUserShell.DeleteCopy();
        ContainerMachine.EndRun();
        CodeEnv.TestSupport.SharedSeeds.Delete();
        ServedSeeds.Delete();
        CodeEnv.TestSupport.MemoryTemp.Delete(memoryTemp);
        base.Dispose();
    }
}
