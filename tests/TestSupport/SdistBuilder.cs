using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace CodeEnv.TestSupport;

/// <summary>
/// Writes a classic setup.py sdist (name-version.tar.gz), which pip builds offline when setuptools and wheel
/// wheels are in its find-links (<see cref="BuildTools"/>).
/// </summary>
public static class SdistBuilder
{
    /// <param name="pyprojectToml">A pyproject.toml to ship beside setup.py: with a [build-system] table pip builds it in
    /// an isolated build environment, installing the requirements it names by a pip of its own.</param>
    public static string Write(string folder, string name, string version, string setupPrelude = "", string? pyprojectToml = null)
    {
        Directory.CreateDirectory(folder);
        var module = name.Replace('-', '_').ToLowerInvariant();
        var top = $"{name}-{version}";
        var files = new Dictionary<string, string>
        {
            [$"{top}/setup.py"] = setupPrelude + $"from setuptools import setup\nsetup(name='{name}', version='{version}', py_modules=['{module}'])\n",
            [$"{top}/{module}.py"] = $"VERSION = '{version}'\n",
            [$"{top}/PKG-INFO"] = $"Metadata-Version: 1.0\nName: {name}\nVersion: {version}\n",
        };
        if (pyprojectToml != null)
        {
            files[$"{top}/pyproject.toml"] = pyprojectToml;
        }

        var path = Path.Combine(folder, $"{top}.tar.gz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (entryName, text) in files)
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, entryName) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)), Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead };
            tar.WriteEntry(entry);
        }

        return path;
    }
}
