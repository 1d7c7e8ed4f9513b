using CodeEnv.Usage;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Records a start of an env's python that CodeEnv hands out (Invoke-CodeEnvPython, here or in a container): on a
    /// served root the service does it, with the caller the kernel named, so a user cannot record uses in another's name.
    /// </summary>
    internal static class UsageRecorder
    {
        public static void Record(EngineContext context, string name, string? target)
        {
            if (target == null)
            {
                UsageRecords.Record(context.Paths, name, UsageKind.Python, context.Caller.UserName, null, context.Clock.UtcNow);
                return;
            }

            // Only a config the root has: a made-up -Target must not become a file (the records stay bounded by real configs).
            var config = context.Settings().FindContainerConfig(target);
            if (config != null)
            {
                UsageRecords.Record(context.Paths, name, UsageKind.Container, context.Caller.UserName, config.ConfigName, context.Clock.UtcNow);
            }
        }
    }
}
