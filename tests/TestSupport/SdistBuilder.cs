using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace CodeEnv.TestSupport;

/// <summary>
/// Writes sdists (name-version.tar.gz) that pip builds offline: a classic setup.py one, which needs setuptools and
/// wheel wheels in pip's find-links (<see cref="BuildTools"/>), or one with a PEP 517 backend of its own, which needs
/// nothing.
/// </summary>
public static class SdistBuilder
{
    /// <param name="pyprojectToml">A pyproject.toml to ship beside setup.py: with a [build-system] table pip builds it in
    /// an isolated build environment, installing the requirements it names by a pip of its own.</param>
    public static string Write(string folder, string name, string version, string setupPrelude = "", string? pyprojectToml = null)
    {
        var module = ModuleOf(name);
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

        return WriteTar(folder, top, files);
    }

    /// <summary>
    /// Writes an sdist built by an in-tree PEP 517 backend (backend-path ".", no build requirements) whose build runs
    /// <paramref name="hookPrelude"/> first, inside pip's "Getting requirements to build wheel" step. pip installs
    /// nothing into its build environment for it, so a test that needs pip busy building (to stall, kill or stop it)
    /// pays for a few hook processes instead of a setuptools install and its byte-compilation.
    /// </summary>
    public static string WriteWithInTreeBackend(string folder, string name, string version, string hookPrelude)
    {
        var module = ModuleOf(name);
        var top = $"{name}-{version}";
        var wheelStem = $"{module}-{version}";
        var prelude = string.Join("\n", hookPrelude.TrimEnd('\n').Split('\n').Select(line => "    " + line));
        var backend = $$"""
            import base64, hashlib, os, zipfile

            def get_requires_for_build_wheel(config_settings=None):
            {{prelude}}
                return []

            def _digest(data):
                return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

            def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
                info = "{{wheelStem}}.dist-info"
                files = {
                    "{{module}}.py": b"VERSION = '{{version}}'\n",
                    info + "/METADATA": b"Metadata-Version: 2.1\nName: {{name}}\nVersion: {{version}}\n",
                    info + "/WHEEL": b"Wheel-Version: 1.0\nGenerator: in-tree\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
                }
                record = "".join("%s,%s,%d\n" % (path, _digest(data), len(data)) for path, data in files.items())
                wheel = "{{wheelStem}}-py3-none-any.whl"
                with zipfile.ZipFile(os.path.join(wheel_directory, wheel), "w") as archive:
                    for path, data in files.items():
                        archive.writestr(path, data)
                    archive.writestr(info + "/RECORD", record + info + "/RECORD,,\n")
                return wheel

            """;
        var files = new Dictionary<string, string>
        {
            [$"{top}/pyproject.toml"] = "[build-system]\nrequires = []\nbuild-backend = \"in_tree_backend\"\nbackend-path = [\".\"]\n",
            [$"{top}/in_tree_backend.py"] = backend,
            [$"{top}/PKG-INFO"] = $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        };
        return WriteTar(folder, top, files);
    }

    private static string ModuleOf(string name) => name.Replace('-', '_').ToLowerInvariant();

    private static string WriteTar(string folder, string top, Dictionary<string, string> files)
    {
        Directory.CreateDirectory(folder);
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
