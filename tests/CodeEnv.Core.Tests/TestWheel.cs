using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace CodeEnv.Core.Tests;

/// <summary>
/// Writes a wheel with any layout a test needs: files in packages, top-level modules, .data folders, entry points,
/// execute bits and symbolic links, with METADATA, WHEEL and a RECORD computed from what is in it, and ways to damage
/// the RECORD or add paths no good wheel has, to see the store refuse them.
/// </summary>
internal sealed class TestWheel
{
    private readonly List<(string Path, byte[] Content, int Mode)> files = new();
    private readonly List<string> requires = new();
    private readonly List<string> extras = new();
    private readonly string distInfo;

    public TestWheel(string name, string version, bool rootIsPurelib = true)
    {
        Name = name;
        Version = version;
        RootIsPurelib = rootIsPurelib;
        distInfo = $"{Escaped}-{version}.dist-info";
    }

    public string Name { get; }

    public string Version { get; }

    public bool RootIsPurelib { get; }

    public string DistInfo => distInfo;

    public string Data => $"{Escaped}-{Version}.data";

    public string FileName => $"{Escaped}-{Version}-py3-none-any.whl";

    /// <summary>Rewrites the computed RECORD's text before it is written.</summary>
    public Func<string, string>? RecordEdit { get; set; }

    /// <summary>Paths written into the archive but left out of RECORD.</summary>
    public HashSet<string> Unlisted { get; } = new(StringComparer.Ordinal);

    /// <summary>The WHEEL file's Wheel-Version.</summary>
    public string WheelVersion { get; set; } = "1.0";

    /// <summary>METADATA's Name, when it should differ from the file name's.</summary>
    public string? MetadataName { get; set; }

    private string Escaped => Name.Replace('-', '_');

    public TestWheel With(string path, string content, bool executable = false) => With(path, Encoding.UTF8.GetBytes(content), executable);

    public TestWheel With(string path, byte[] content, bool executable = false)
    {
        files.Add((path, content, executable ? 0x81ED /* regular 0755 */ : 0x81A4 /* regular 0644 */));
        return this;
    }

    public TestWheel WithLink(string path, string target)
    {
        files.Add((path, Encoding.UTF8.GetBytes(target), 0xA1FF /* symbolic link 0777 */));
        return this;
    }

    public TestWheel Requiring(string requirement)
    {
        requires.Add(requirement);
        return this;
    }

    /// <summary>Declares an extra (Provides-Extra): pip ignores an extra a distribution does not declare.</summary>
    public TestWheel Providing(string extra)
    {
        extras.Add(extra);
        return this;
    }

    public TestWheel WithEntryPoints(string text) => With($"{distInfo}/entry_points.txt", text);

    /// <summary>Writes the wheel into <paramref name="folder"/> and returns its path.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var all = new List<(string Path, byte[] Content, int Mode)>(files)
        {
            ($"{distInfo}/METADATA", Encoding.UTF8.GetBytes($"Metadata-Version: 2.1\nName: {MetadataName ?? Name}\nVersion: {Version}\n" + string.Concat(extras.Select(e => $"Provides-Extra: {e}\n")) + string.Concat(requires.Select(r => $"Requires-Dist: {r}\n"))), 0x81A4),
            ($"{distInfo}/WHEEL", Encoding.UTF8.GetBytes($"Wheel-Version: {WheelVersion}\nGenerator: codeenv-tests\nRoot-Is-Purelib: {(RootIsPurelib ? "true" : "false")}\nTag: py3-none-any\n"), 0x81A4),
        };
        var record = new StringBuilder();
        foreach (var (path, content, _) in all.Where(f => !Unlisted.Contains(f.Path)))
        {
            var quoted = path.Contains(',') ? $"\"{path}\"" : path;
            record.Append($"{quoted},sha256={Convert.ToBase64String(SHA256.HashData(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_')},{content.Length}\n");
        }

        record.Append($"{distInfo}/RECORD,,\n");
        all.Add(($"{distInfo}/RECORD", Encoding.UTF8.GetBytes(RecordEdit?.Invoke(record.ToString()) ?? record.ToString()), 0x81A4));

        var wheel = Path.Combine(folder, FileName);
        File.Delete(wheel);
        using var zip = ZipFile.Open(wheel, ZipArchiveMode.Create);
        foreach (var (path, content, mode) in all)
        {
            var entry = zip.CreateEntry(path);
            entry.ExternalAttributes = mode << 16;
            using var stream = entry.Open();
            stream.Write(content);
        }

        return wheel;
    }
}
