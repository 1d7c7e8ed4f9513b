using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace CodeEnv.TestSupport;

/// <summary>
/// Writes real, installable wheels (a zip with .dist-info/METADATA, WHEEL and RECORD) so tests can run pip offline
/// with --no-index --find-links.
/// </summary>
public static class WheelBuilder
{
    /// <param name="files">More files at the wheel's top level (a module, a .pth file), by their path in the wheel.</param>
    /// <param name="headers">More METADATA header lines (a License-Expression, a classifier), after Name and Version.</param>
    public static string Write(string folder, string name, string version, IEnumerable<string>? requires = null, IEnumerable<string>? extras = null, IReadOnlyDictionary<string, string>? files = null, IEnumerable<string>? headers = null)
    {
        Directory.CreateDirectory(folder);
        var module = name.Replace('-', '_').ToLowerInvariant();
        var distInfo = $"{module}-{version}.dist-info";
        var contents = new Dictionary<string, string>
        {
            [$"{module}/__init__.py"] = $"__version__ = '{version}'\n",
            [$"{distInfo}/METADATA"] = "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
                + string.Concat((headers ?? Array.Empty<string>()).Select(h => h + "\n"))
                + string.Concat((extras ?? Array.Empty<string>()).Select(e => "Provides-Extra: " + e + "\n"))
                + string.Concat((requires ?? Array.Empty<string>()).Select(r => "Requires-Dist: " + r + "\n")),
            [$"{distInfo}/WHEEL"] = "Wheel-Version: 1.0\nGenerator: codeenv-tests\nRoot-Is-Purelib: true\nTag: py2-none-any\nTag: py3-none-any\n",
        };
        foreach (var (file, text) in files ?? new Dictionary<string, string>())
        {
            contents[file] = text;
        }

        var path = Path.Combine(folder, $"{module}-{version}-py2.py3-none-any.whl");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            var record = new StringBuilder();
            foreach (var (entryName, text) in contents)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                using (var stream = zip.CreateEntry(entryName).Open())
                {
                    stream.Write(bytes);
                }

                var hash = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                record.Append($"{entryName},sha256={hash},{bytes.Length}\n");
            }

            record.Append($"{distInfo}/RECORD,,\n");
            using var recordStream = zip.CreateEntry($"{distInfo}/RECORD").Open();
            recordStream.Write(Encoding.UTF8.GetBytes(record.ToString()));
        }

        return path;
    }
}
