using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Licenses;
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
        public static IReadOnlyDictionary<string, LockedArtifact> ReadArtifacts(string reportFile) => ArtifactsOf(ReadItems(reportFile));

        /// <summary>As <see cref="ReadArtifacts"/>, of a report's items already read.</summary>
        public static IReadOnlyDictionary<string, LockedArtifact> ArtifactsOf(IEnumerable<PipReportItem> items)
        {
            var artifacts = new Dictionary<string, LockedArtifact>(StringComparer.Ordinal);
            foreach (var item in items.Where(i => i.IsArchive && i.Sha256 != null))
            {
                artifacts[PackageName.Normalize(item.Name)] = new LockedArtifact
                {
                    FileName = item.FileName,
                    Url = SourceSecrets.WithoutCredentials(item.Url),
                    Sha256 = item.Sha256!,
                };
            }

            return artifacts;
        }

        /// <summary>Every distribution the report says pip installs (or, with --dry-run, would install), in its order.</summary>
        public static IReadOnlyList<PipReportItem> ReadItems(string reportFile)
        {
            var items = new List<PipReportItem>();
            var report = JObject.Parse(File.ReadAllText(reportFile));
            foreach (var item in report["install"] as JArray ?? new JArray())
            {
                var name = item["metadata"]?["name"]?.Value<string>();
                var version = item["metadata"]?["version"]?.Value<string>();
                var download = item["download_info"];
                var url = download?["url"]?.Value<string>();
                if (name == null || version == null || url == null)
                {
                    continue;
                }

                var archive = download!["archive_info"];
                var sha256 = archive?["hashes"]?["sha256"]?.Value<string>() ?? Sha256Of(archive?["hash"]?.Value<string>());
                items.Add(new PipReportItem(
                    name,
                    version,
                    url.Split('#')[0],
                    sha256?.ToLowerInvariant(),
                    item["requested"]?.Value<bool>() ?? false,
                    item["is_direct"]?.Value<bool>() ?? false,
                    isArchive: archive != null,
                    isEditable: download["dir_info"]?["editable"]?.Value<bool>() ?? false,
                    license: LicenseOf(item["metadata"] as JObject)));
            }

            return items;
        }

        /// <summary>The license of a report item's metadata (pip's JSON form of METADATA: lower-case keys, lists for multiple-use fields), or null where it cannot be told.</summary>
        private static DistributionLicense? LicenseOf(JObject? metadata)
        {
            if (metadata == null)
            {
                return null;
            }

            var expression = metadata["license_expression"];
            var declaredVersion = metadata["metadata_version"]?.Value<string>();
            if (expression == null && (!System.Version.TryParse(declaredVersion ?? "", out var version) || version >= new System.Version(2, 4)))
            {
                return null;
            }

            var classifiers = (metadata["classifier"] as JArray)?.Select(c => c.Value<string>() ?? "").ToList() ?? new List<string>();
            return new DistributionLicense(expression?.Value<string>(), metadata["license"]?.Value<string>(), classifiers);
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
