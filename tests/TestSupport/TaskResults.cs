namespace CodeEnv.TestSupport;

/// <summary>
/// The engine's contract is asynchronous; a test that checks one call's outcome waits for it here, and sees the
/// engine's own exception (not an AggregateException), as a cmdlet would.
/// </summary>
public static class TaskResults
{
    public static T Awaited<T>(this Task<T> task) => task.GetAwaiter().GetResult();

    public static void Awaited(this Task task) => task.GetAwaiter().GetResult();
}
