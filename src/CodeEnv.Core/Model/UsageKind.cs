namespace CodeEnv
{
    /// <summary>How CodeEnv itself started an env's python, as a recorded usage says.</summary>
    public enum UsageKind
    {
        /// <summary>Invoke-CodeEnvPython on this machine.</summary>
        Python,

        /// <summary>Invoke-CodeEnvPython -Target: the env's image in a container config.</summary>
        Container,
    }
}
