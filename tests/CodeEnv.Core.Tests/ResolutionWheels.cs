using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace CodeEnv.Core.Tests;

/// <summary>
/// Writes the wheels the resolution tests choose among: real, installable wheels (METADATA, WHEEL, RECORD) of any tag,
/// build tag, Requires-Python, Requires-Dist and Provides-Extra, so the same folder serves CodeEnv's resolver and pip.
/// </summary>
internal static class ResolutionWheels
{
    public static string Write(
        string folder,
        string name,
        string version,
        IEnumerable<string>? requires = null,
        IEnumerable<string>? extras = null,
        string? requiresPython = null,
        string tag = "py3-none-any",
        string? buildTag = null)
    {
        Directory.CreateDirectory(folder);
        var module = name.Replace('-', '_').ToLowerInvariant();
        var distInfo = $"{module}-{version}.dist-info";
        var contents = new Dictionary<string, string>
        {
            [$"{module}/__init__.py"] = $"__version__ = '{version}'\n",
            [$"{distInfo}/METADATA"] = Metadata(name, version, requires, extras, requiresPython),
            [$"{distInfo}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: codeenv-tests\nRoot-Is-Purelib: " + (tag.EndsWith("-any", StringComparison.Ordinal) ? "true" : "false") + "\n"
                + (buildTag == null ? "" : $"Build: {buildTag}\n") + string.Concat(ExpandTags(tag).Select(t => $"Tag: {t}\n")),
        };
        var path = Path.Combine(folder, $"{module}-{version}{(buildTag == null ? "" : "-" + buildTag)}-{tag}.whl");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var record = new StringBuilder();
        foreach (var (entryName, text) in contents)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            using (var stream = zip.CreateEntry(entryName).Open())
            {
                stream.Write(bytes);
            }

            record.Append($"{entryName},sha256={Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_')},{bytes.Length}\n");
        }

        record.Append($"{distInfo}/RECORD,,\n");
        using (var recordStream = zip.CreateEntry($"{distInfo}/RECORD").Open())
        {
            recordStream.Write(Encoding.UTF8.GetBytes(record.ToString()));
        }

        return path;
    }

    public static string Metadata(string name, string version, IEnumerable<string>? requires = null, IEnumerable<string>? extras = null, string? requiresPython = null) =>
        "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
        + (requiresPython == null ? "" : "Requires-Python: " + requiresPython + "\n")
        + string.Concat((extras ?? Array.Empty<string>()).Select(e => "Provides-Extra: " + e + "\n"))
        + string.Concat((requires ?? Array.Empty<string>()).Select(r => "Requires-Dist: " + r + "\n"));

    /// <summary>The METADATA text inside a wheel: what an index serves beside it (PEP 658).</summary>
    public static string MetadataOf(string wheel)
    {
        using var zip = ZipFile.OpenRead(wheel);
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".dist-info/METADATA", StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }

    public static string Sha256Of(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    private static IEnumerable<string> ExpandTags(string tag)
    {
        var parts = tag.Split('-');
        return from python in parts[0].Split('.') from abi in parts[1].Split('.') from platform in parts[2].Split('.') select $"{python}-{abi}-{platform}";
    }
}
