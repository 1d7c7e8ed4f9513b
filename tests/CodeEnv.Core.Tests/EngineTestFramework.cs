using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("CodeEnv.Core.Tests.EngineTestFramework", "CodeEnv.Core.Tests")]

namespace CodeEnv.Core.Tests;

/// <summary>
/// xunit's own test framework, plus deleting the interpreter seeds the run's roots shared (<see cref="TestRoot"/>) once
/// the whole assembly has run: xunit 2 has no assembly fixture, and the test host is ended without its exit handlers.
/// </summary>
public sealed class EngineTestFramework : XunitTestFramework, IDisposable
{
    public EngineTestFramework(IMessageSink messageSink)
        : base(messageSink)
    {
    }

    // xunit disposes its framework through IDisposable, which this class implements again, since TestFramework.Dispose
    // cannot be overridden.
    public new void Dispose()
    {
        OracleVenv.Delete();
        CodeEnv.TestSupport.SharedSeeds.Delete();
        base.Dispose();
    }
}
