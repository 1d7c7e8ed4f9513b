namespace CodeEnv.Security
{
    /// <summary>
    /// What a caller without Use may see of an env on a served root, where the OS keeps its folder closed to them: that
    /// it exists (envs/ is listable), whose it is, its Python, its state and when it changed. Its description, packages,
    /// package sets, permissions, container selection and the detail of its state (which may quote pip) stay hidden.
    /// </summary>
    internal static class EnvironmentVisibility
    {
        public static bool ShowsEverything(EnvironmentDefinition definition, RootSettingsDocument settings, CallerIdentity caller) =>
            settings.Service == null || AccessPolicy.RightsOn(definition, settings, caller) >= EnvironmentRight.Use;

        /// <summary>A copy of <paramref name="definition"/> with only what anyone may see.</summary>
        public static EnvironmentDefinition Restricted(EnvironmentDefinition definition)
        {
            var shown = definition.Clone();
            shown.Description = "";
            shown.GroupPermissions.Clear();
            shown.RequestedPackages.Clear();
            shown.PackageSets.Clear();
            shown.JupyterSupport = false;
            shown.Containers = new ContainerSelection();
            return shown;
        }
    }
}
