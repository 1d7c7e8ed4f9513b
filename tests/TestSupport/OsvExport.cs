// Usings spelled out (not only the projects' implicit ones): the Pester suite compiles this file with Add-Type too.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;

namespace CodeEnv.TestSupport;

/// <summary>
/// Advisories in the OSV format (https://ossf.github.io/osv-schema/) as PyPI's advisory database and GHSA publish them,
/// and the zip of OSV's bulk export (one advisory per .json file, as https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip
/// holds them): written by the tests, since no advisory source is reachable.
/// </summary>
public static class OsvExport
{
    /// <summary>
    /// One advisory of <paramref name="package"/> with one ECOSYSTEM range of <paramref name="events"/> ("introduced:0",
    /// "fixed:2.0", "last_affected:1.4"), in the shape GHSA's advisories have: aliases, a CVSS vector, the severity word.
    /// </summary>
    public static string Advisory(string id, string package, string[] events, string[]? versions = null, string[]? aliases = null, string? severity = "HIGH", string? withdrawn = null, string? summary = null, string modified = "2026-11-02T10:00:00Z")
    {
        var advisory = new JsonObject
        {
            ["schema_version"] = "1.6.0",
            ["id"] = id,
            ["modified"] = modified,
            ["published"] = "2026-10-01T00:00:00Z",
            ["aliases"] = new JsonArray((aliases ?? new[] { "CVE-2099-0001" }).Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
            ["summary"] = summary ?? $"{package} lets a crafted request run code",
            ["details"] = "A longer text, in Markdown, that the summary sums up.",
            ["severity"] = new JsonArray(new JsonObject { ["type"] = "CVSS_V3", ["score"] = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" }),
            ["affected"] = new JsonArray(new JsonObject
            {
                ["package"] = new JsonObject { ["ecosystem"] = "PyPI", ["name"] = package, ["purl"] = "pkg:pypi/" + package.ToLowerInvariant() },
                ["ranges"] = new JsonArray(new JsonObject
                {
                    ["type"] = "ECOSYSTEM",
                    ["events"] = new JsonArray(events.Select(e => (JsonNode)new JsonObject { [e.Split(':')[0]] = e.Split(':', 2)[1] }).ToArray()),
                }),
                ["versions"] = new JsonArray((versions ?? Array.Empty<string>()).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
                ["database_specific"] = new JsonObject { ["source"] = "https://github.com/github/advisory-database/blob/main/advisories/" + id + ".json" },
            }),
            ["references"] = new JsonArray(new JsonObject { ["type"] = "WEB", ["url"] = "https://example.com/" + id }),
            ["database_specific"] = severity == null ? new JsonObject { ["github_reviewed"] = false } : new JsonObject { ["severity"] = severity, ["github_reviewed"] = true, ["cwe_ids"] = new JsonArray("CWE-94") },
        };
        if (withdrawn != null)
        {
            advisory["withdrawn"] = withdrawn;
        }

        return advisory.ToJsonString();
    }

    /// <summary>Writes the export zip: each advisory as &lt;id&gt;.json at the top, as OSV's bucket holds them.</summary>
    public static string Write(string zipPath, params string[] advisories)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var advisory in advisories)
        {
            var id = JsonNode.Parse(advisory)!["id"]!.GetValue<string>();
            using var writer = new StreamWriter(zip.CreateEntry(id + ".json").Open());
            writer.Write(advisory);
        }

        return zipPath;
    }
}
