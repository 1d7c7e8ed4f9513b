namespace CodeEnv
{
    /// <summary>What kind of thing an administrator declared as depending on an env (Add-CodeEnvConsumer -Kind).</summary>
    public enum ConsumerKind
    {
        ScheduledTask,
        Service,
        NotebookProject,
        Cron,
        Other,
    }
}
