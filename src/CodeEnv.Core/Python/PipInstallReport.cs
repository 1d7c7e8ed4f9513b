using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Requirements;
using CodeEnv.Store;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Python
{
    /// <summary>
    /// pip's installation report (<c>pip install --report</c>, pip 22.2 and later): for each distribution pip
    /// installed, the file it fetched and that file's hash. It is how a pip install's lock learns its artifacts.
    /// </summary>
    internal static class PipInstallReport
    {
        /// <summary>The first pip that writes the report.</summary>
        public static readonly Version FirstPipWithReport = new Version(22, 2);

        /// <summary>The artifact of each installed distribution, by normalized name; a distribution pip did not fetch as
        /// an archive with a sha256 (an editable, a VCS checkout, a local folder) has none.</summary>
        public static IReadOnlyDictionary<string, LockedArtifact> ReadArtifacts(string reportFile)
        {
            var artifacts = new Dictionary<string, LockedArtifact>(StringComparer.Ordinal);
            var report = JObject.Parse(File.ReadAllText(reportFile));
            foreach (var item in report["install"] as JArray ?? new JArray())
            {
                var name = item["metadata"]?["name"]?.Value<string>();
                var download = item["download_info"];
                var url = download?["url"]?.Value<string>();
                var sha256 = download?["archive_info"]?["hashes"]?["sha256"]?.Value<string>() ?? Sha256Of(download?["archive_info"]?["hash"]?.Value<string>());
                if (name == null || url == null || sha256 == null)
                {
                    continue;
                }

                artifacts[PackageName.Normalize(name)] = new LockedArtifact
                {
                    FileName = Uri.UnescapeDataString(url.Substring(url.LastIndexOf('/') + 1).Split('#')[0]),
                    Url = SourceSecrets.WithoutCredentials(url.Split('#')[0]),
                    Sha256 = sha256.ToLowerInvariant(),
                };
            }

            return artifacts;
        }

        /// <summary>Whether the pip of a venv writes the report, from its dist-info folder's name (no process started).</summary>
        public static bool Supported(string venv)
        {
            foreach (var sitePackages in InstalledPackageReader.SitePackages(venv))
            {
                foreach (var distInfo in Directory.EnumerateDirectories(sitePackages, "pip-*.dist-info"))
                {
                    var version = Path.GetFileName(distInfo).Substring("pip-".Length).Replace(".dist-info", "");
                    var release = string.Join(".", version.Split('.').TakeWhile(part => part.All(char.IsDigit)).Take(2));
                    if (Version.TryParse(release.Contains('.') ? release : release + ".0", out var parsed))
                    {
                        return parsed >= FirstPipWithReport;
                    }
                }
            }

            return false;
        }

        // The older single "hash" field: "sha256=<hex>".
        private static string? Sha256Of(string? hash) =>
            hash != null && hash.StartsWith("sha256=", StringComparison.Ordinal) ? hash.Substring("sha256=".Length) : null;
    }
}
