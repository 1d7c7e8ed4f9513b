namespace CodeEnv
{
    /// <summary>Where an environment is in its lifecycle.</summary>
    public enum EnvironmentState
    {
        /// <summary>New-CodeEnv is building it.</summary>
        Creating,
        /// <summary>The venv matches the definition.</summary>
        Ready,
        /// <summary>The definition changed (or was never installed); an update would install it.</summary>
        Outdated,
        /// <summary>An update is running.</summary>
        Updating,
        /// <summary>The last update failed; the definition is kept.</summary>
        Failed,
        /// <summary>Remove-CodeEnv is removing it.</summary>
        Removing,
        /// <summary>
        /// Not stored: reported when the stored state is Creating, Updating or Removing but no process holds
        /// the env's lock any more, so the operation that set it was killed.
        /// </summary>
        Interrupted,
    }
}
