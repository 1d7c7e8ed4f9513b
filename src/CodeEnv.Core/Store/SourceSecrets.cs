using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CodeEnv.Errors;

namespace CodeEnv.Store
{
    /// <summary>
    /// Credentials in package source URLs (https://user:token@host/simple). The root settings, their history, every
    /// object and log show a URL redacted (https://user:***@host/simple); the whole URL is kept in
    /// state/secrets.json, which only the root's owner can read, and reaches pip through its environment, never its
    /// command line (which every local user can read in ps).
    /// </summary>
    public static class SourceSecrets
    {
        public const string Mask = "***";

        private static readonly Regex UserInfo = new Regex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?<user>[^@/:]*)(?::(?<password>[^@/]*))?@", RegexOptions.CultureInvariant);

        /// <summary>The URL with its password (or lone token) replaced by ***; a URL without credentials as it is.</summary>
        public static string Redact(string url)
        {
            var match = UserInfo.Match(url);
            if (!match.Success)
            {
                return url;
            }

            var shown = match.Groups["password"].Success ? match.Groups["user"].Value + ":" + Mask : Mask;
            return match.Groups["scheme"].Value + shown + "@" + url.Substring(match.Length);
        }

        /// <summary>The URL without its user and password: what a record of where a file came from keeps.</summary>
        public static string WithoutCredentials(string url)
        {
            var match = UserInfo.Match(url);
            return match.Success ? match.Groups["scheme"].Value + url.Substring(match.Length) : url;
        }

        /// <summary>The sources as they may be shown: every URL redacted, also one a root written before secrets were kept apart still holds in clear.</summary>
        public static PackageSources Shown(PackageSources sources) => new PackageSources
        {
            IndexUrl = sources.IndexUrl == null ? null : Redact(sources.IndexUrl),
            ExtraIndexUrls = sources.ExtraIndexUrls.Select(Redact).ToList(),
            FindLinks = sources.FindLinks.Select(Redact).ToList(),
            TrustedHosts = sources.TrustedHosts.ToList(),
            NoIndex = sources.NoIndex,
            IndexStrategy = sources.IndexStrategy,
            IndexRules = sources.IndexRules.Select(r => new IndexRule { Pattern = r.Pattern, Index = Redact(r.Index) }).ToList(),
        };

        /// <summary>Whether the URL carries a secret in clear (not one redacted already).</summary>
        public static bool HasSecret(string url) => Redact(url) != url && !IsRedacted(url);

        public static bool IsRedacted(string url)
        {
            var match = UserInfo.Match(url);
            return match.Success && (match.Groups["password"].Value == Mask || (match.Groups["user"].Value == Mask && !match.Groups["password"].Success));
        }

        /// <summary>Keeps <paramref name="url"/>'s secret in the root's secrets file and returns the redacted URL to store anywhere else.</summary>
        public static string Keep(RootPaths paths, string url)
        {
            if (!HasSecret(url))
            {
                return url;
            }

            var redacted = Redact(url);
            var secrets = Read(paths);
            secrets[redacted] = url;
            Write(paths, secrets);
            return redacted;
        }

        /// <summary>The URL pip needs: a redacted one with its secret put back from the secrets file.</summary>
        public static string Reveal(RootPaths paths, string url)
        {
            if (!IsRedacted(url))
            {
                return url;
            }

            return Read(paths).TryGetValue(url, out var full)
                ? full
                : throw new CodeEnvException(
                    ErrorIds.SourceSecretMissing,
                    $"The credentials of the package source '{url}' are not in '{paths.SecretsFile}'. An administrator sets the source again with its credentials (Set-CodeEnvRoot -IndexUrl / -ExtraIndexUrl / -FindLinks).",
                    url);
        }

        /// <summary>Every whole URL the secrets file keeps; none when there is none or it cannot be read (it is not this account's).</summary>
        public static IReadOnlyList<string> KeptUrls(RootPaths paths)
        {
            try
            {
                return Read(paths).Values.ToList();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>
        /// The credentials a URL carries, decoded as pip sends them (user, password: empty for a lone token) and the
        /// secret part as the URL holds it (the password, or the lone token); null for a URL without any.
        /// </summary>
        public static (string User, string Password, string RawSecret)? CredentialsOf(string url)
        {
            var match = UserInfo.Match(url);
            if (!match.Success || IsRedacted(url))
            {
                return null;
            }

            var user = match.Groups["user"].Value;
            var password = match.Groups["password"];
            return (Uri.UnescapeDataString(user), password.Success ? Uri.UnescapeDataString(password.Value) : "", password.Success ? password.Value : user);
        }

        private static Dictionary<string, string> Read(RootPaths paths)
        {
            if (!File.Exists(paths.SecretsFile))
            {
                return new Dictionary<string, string>(StringComparer.Ordinal);
            }

            return Json.Deserialize<Dictionary<string, string>>(File.ReadAllText(paths.SecretsFile)) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }

        private static void Write(RootPaths paths, Dictionary<string, string> secrets)
        {
            Directory.CreateDirectory(paths.StateFolder);
            // Readable by the root's owner alone, from its first byte.
            AtomicFile.WriteAllText(paths.SecretsFile, Json.Serialize(secrets.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value)), unixMode: 0x180 /* 0600 */);
        }
    }
}
