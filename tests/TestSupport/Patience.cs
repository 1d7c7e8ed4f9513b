using System.Diagnostics;

namespace CodeEnv.TestSupport;

/// <summary>
/// How tests wait for another process to reach a point: on a condition, polled, with one generous deadline. The
/// deadline only decides how long a broken test takes to fail; a loaded CI machine (two cores, a dozen test classes,
/// services and OS users' processes at once) must never make a working one fail, so it is minutes, not a guess at how
/// long the step takes.
/// </summary>
public static class Patience
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="failure"/> once the deadline passes.</summary>
    public static void WaitUntil(Func<bool> condition, Func<string> failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException($"{failure()} (waited {Deadline.TotalMinutes} minutes)");
            }

            Thread.Sleep(100);
        }
    }

    public static void WaitUntil(Func<bool> condition, string failure) => WaitUntil(condition, () => failure);
}
