using System;

namespace CodeEnv
{
    public interface IClock
    {
        DateTimeOffset UtcNow { get; }
    }
}
