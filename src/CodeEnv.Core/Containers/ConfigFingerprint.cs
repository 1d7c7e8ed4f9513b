using System.Security.Cryptography;
using System.Text;

namespace CodeEnv.Containers
{
    /// <summary>
    /// What of a container config (and of the env's own Dockerfile lines, where the config takes them) shapes an env's
    /// images, hashed: an image built under another fingerprint is outdated.
    /// </summary>
    internal static class ConfigFingerprint
    {
        public static string Of(ContainerConfig config, DockerfileFragments? environmentLines)
        {
            var own = config.AllowEnvFragments && environmentLines != null ? environmentLines : new DockerfileFragments();
            var text = string.Join(
                "\u0000",
                config.BaseImage,
                config.PythonPath,
                config.DockerfileAtStart,
                config.DockerfileBeforePackages,
                config.DockerfileFragment,
                config.DockerfileAtEnd,
                config.Registry,
                string.Join(",", config.RuntimeAdditions),
                own.AtStart,
                own.BeforePackages,
                own.AfterPackages,
                own.AtEnd);
            using (var sha = SHA256.Create())
            {
                var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
                var hex = new StringBuilder(hash.Length * 2);
                foreach (var b in hash)
                {
                    hex.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }

                return hex.ToString();
            }
        }
    }
}
