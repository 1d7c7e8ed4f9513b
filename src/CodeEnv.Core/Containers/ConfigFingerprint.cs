using System;
using System.Collections.Generic;
using System.Linq;
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
        /// <param name="variables">The env's variables, which its image's ENV lines hold: none leaves the fingerprint of an env without any as it always was.</param>
        public static string Of(ContainerConfig config, DockerfileFragments? environmentLines, IReadOnlyDictionary<string, string>? variables = null)
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
            if (variables != null && variables.Count > 0)
            {
                text += "\u0000" + string.Join("\u0000", variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + "=" + v.Value));
            }

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
