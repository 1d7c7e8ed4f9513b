using System.Text.RegularExpressions;

namespace CodeEnv.Containers
{
    /// <summary>
    /// The one name of an env's image: repository <c>codeenv/&lt;env&gt;</c> (under the config's registry, when it names
    /// one), tagged <c>&lt;config&gt;-r&lt;installed revision&gt;</c>. The revision is the installed set's, the one the lock
    /// in the image reproduces, so the tag, the Dockerfile and the README never disagree after a Set-CodeEnv.
    /// </summary>
    internal static class ImageReference
    {
        private static readonly Regex NotAllowedInPath = new Regex("[^a-z0-9._-]+", RegexOptions.CultureInvariant);
        private static readonly Regex NotAllowedInTag = new Regex("[^A-Za-z0-9_.-]+", RegexOptions.CultureInvariant);

        public static string For(string environmentName, ContainerConfig config, int installedRevision)
        {
            var repository = "codeenv/" + PathComponent(environmentName);
            var registry = (config.Registry ?? "").Trim().TrimEnd('/');
            return (registry.Length == 0 ? "" : registry + "/") + repository + ":" + Tag(config.ConfigName, installedRevision);
        }

        private static string PathComponent(string name) => NotAllowedInPath.Replace(name.ToLowerInvariant(), "-").Trim('-', '.', '_');

        private static string Tag(string configName, int revision) => NotAllowedInTag.Replace(configName, "-") + "-r" + revision;
    }
}
