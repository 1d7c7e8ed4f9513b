using System;

namespace CodeEnv.Operations
{
    public interface IClock
    {
        DateTimeOffset UtcNow { get; }
    }
}
