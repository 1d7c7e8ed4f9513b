using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CodeEnv.Store;

namespace CodeEnv.Security
{
    /// <summary>
    /// Replaces each secret of a root's package sources in a line of text by ***: the password (or lone token) as its
    /// URL holds it and decoded, the Basic credential made of it, and each of these reversed. The second line of
    /// defence for what pip and the code it runs print into an env's log, Verbose and error messages; the first is
    /// that no process that runs package code ever holds a secret. A secret shorter than
    /// <see cref="MinimumLength"/> characters is left alone: masking every "ab" would garble the log and hide nothing.
    /// </summary>
    public sealed class SecretRedactor
    {
        public const int MinimumLength = 4;

        private readonly string[] secrets;

        private SecretRedactor(IEnumerable<string> secrets)
        {
            // Longest first, so a secret that contains another is masked whole.
            this.secrets = secrets.Where(s => s.Length >= MinimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
        }

        /// <summary>The redactor of the secrets <paramref name="paths"/>' root keeps (its sources' credentials and its envs' secret variables); none when it keeps none or they cannot be read.</summary>
        public static SecretRedactor Of(RootPaths paths) => new SecretRedactor(SourceSecrets.KeptUrls(paths).SelectMany(Forms).Concat(EnvironmentSecrets.AllValues(paths)));

        /// <summary>The redactor of the secrets in these source URLs (https://user:token@host/...).</summary>
        public static SecretRedactor Of(IEnumerable<string> urls) => new SecretRedactor(urls.SelectMany(Forms));

        public string Redact(string line)
        {
            foreach (var secret in secrets)
            {
                if (line.IndexOf(secret, StringComparison.Ordinal) >= 0)
                {
                    line = line.Replace(secret, SourceSecrets.Mask);
                }
            }

            return line;
        }

        private static IEnumerable<string> Forms(string url)
        {
            var credentials = SourceSecrets.CredentialsOf(url);
            if (credentials == null)
            {
                yield break;
            }

            var (user, password, rawSecret) = credentials.Value;
            var forms = new[]
            {
                rawSecret,
                password.Length > 0 ? password : user,
                Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)),
            };
            foreach (var form in forms)
            {
                yield return form;
                yield return new string(form.Reverse().ToArray());
            }
        }
    }
}
