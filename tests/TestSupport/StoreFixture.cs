// Usings spelled out (not only the projects' implicit ones): the Pester suite compiles this file with Add-Type too.
using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;

namespace CodeEnv.TestSupport;

/// <summary>
/// Puts a root's package store and its env generations into the state an install from the store will leave them, until
/// the update flow installs from the store: the one place tests make such state, so it is one place to replace with real
/// installs (New-CodeEnv / Update-CodeEnv) once they link from the store. Writes files only, so the cmdlet tests (which
/// do not reference the engine) can use it; the engine's tests check <see cref="StoreWheel"/> against PackageStore itself.
/// </summary>
public static class StoreFixture
{
    /// <summary>One locked package of a generation record: a wheel of the store, by its sha256.</summary>
    public sealed record Locked(string Name, string Version, string FileName, string Sha256);

    /// <summary>
    /// Stores <paramref name="wheelPath"/> as PackageStore.Add and Tree lay it out (artifacts/&lt;sha256&gt;/&lt;file&gt;,
    /// trees/&lt;sha256&gt;/ unpacked, read-only), with compiled modules for each of <paramref name="cacheTags"/>
    /// (bytecode/&lt;sha256&gt;/&lt;tag&gt;/); returns the wheel as a lock names it.
    /// </summary>
    public static Locked StoreWheel(string root, string wheelPath, params string[] cacheTags)
    {
        var store = Path.Combine(root, "store");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(wheelPath)));
        var fileName = Path.GetFileName(wheelPath);
        var artifact = Path.Combine(store, "artifacts", sha256);
        Directory.CreateDirectory(artifact);
        File.Copy(wheelPath, Path.Combine(artifact, fileName), overwrite: true);

        var tree = Path.Combine(store, "trees", sha256);
        ZipFile.ExtractToDirectory(wheelPath, tree, overwriteFiles: true);
        foreach (var tag in cacheTags)
        {
            foreach (var module in Directory.GetFiles(tree, "*.py", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(tree, module);
                var pyc = Path.Combine(store, "bytecode", sha256, tag, Path.GetDirectoryName(relative)!, "__pycache__", $"{Path.GetFileNameWithoutExtension(module)}.{tag}.pyc");
                Directory.CreateDirectory(Path.GetDirectoryName(pyc)!);
                File.WriteAllBytes(pyc, new byte[64]);
            }
        }

        // Read-only, as the store keeps them (Windows has no such modes).
        if (!OperatingSystem.IsWindows())
        {
            foreach (var folder in new[] { artifact, tree, Path.Combine(store, "bytecode", sha256) }.Where(Directory.Exists))
            {
                foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                }
            }
        }

        var parts = fileName.Split('-');
        return new Locked(parts[0].Replace('_', '-').ToLowerInvariant(), parts[1], fileName, sha256);
    }

    /// <summary>
    /// Records a complete venv generation of <paramref name="env"/> that installed <paramref name="packages"/>: its folder
    /// and venvs/&lt;n&gt;.installed.json; a <paramref name="current"/> one also becomes the env's installed.json and the
    /// target of its stable venv link, as a switch leaves them.
    /// </summary>
    public static void RecordGeneration(string root, string env, int generation, bool current, params Locked[] packages)
    {
        var envFolder = Path.Combine(root, "envs", env);
        var venvs = Path.Combine(envFolder, "venvs");
        Directory.CreateDirectory(Path.Combine(venvs, generation.ToString()));
        Directory.CreateDirectory(Path.Combine(venvs, generation + ".entry"));
        var record = JsonSerializer.Serialize(new
        {
            schemaVersion = 3,
            name = env,
            revision = generation,
            installedAt = DateTimeOffset.UtcNow,
            installedBy = "tester",
            packages = packages.Select(p => new
            {
                name = p.Name,
                version = p.Version,
                requested = true,
                artifact = new { fileName = p.FileName, url = "file:///wheels/" + p.FileName, sha256 = p.Sha256 },
            }),
        }, new JsonSerializerOptions { WriteIndented = true });
        File.WriteAllText(Path.Combine(venvs, generation + ".installed.json"), record);
        if (current)
        {
            File.WriteAllText(Path.Combine(envFolder, "installed.json"), record);
            var link = Path.Combine(envFolder, "venv");
            if (File.Exists(link) || Directory.Exists(link) || new FileInfo(link).LinkTarget != null)
            {
                File.Delete(link);
            }

            File.CreateSymbolicLink(link, $"venvs/{generation}.entry");
        }
    }
}
