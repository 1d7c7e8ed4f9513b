using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace CodeEnv.Python
{
    /// <summary>
    /// Lists what is installed in a venv by reading the *.dist-info and *.egg-info metadata in its site-packages
    /// directly, the way importlib.metadata (and so pip list) finds distributions, without starting Python.
    /// </summary>
    public static class InstalledPackageReader
    {
        public static IReadOnlyList<InstalledPackage> Read(string venv, string environmentName, string root)
        {
            var found = new Dictionary<string, InstalledPackage>(StringComparer.OrdinalIgnoreCase);
            foreach (var sitePackages in SitePackages(venv))
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(sitePackages).OrderBy(e => e, StringComparer.Ordinal))
                {
                    var package = ReadEntry(entry, sitePackages, environmentName, root);
                    if (package != null && !found.ContainsKey(Requirements.PackageName.Normalize(package.Name)))
                    {
                        found[Requirements.PackageName.Normalize(package.Name)] = package;
                    }
                }
            }

            return found.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        public static IEnumerable<string> SitePackages(string venv)
        {
            if (Platform.IsWindows)
            {
                var windows = Path.Combine(venv, "Lib", "site-packages");
                return Directory.Exists(windows) ? new[] { windows } : Array.Empty<string>();
            }

            var lib = Path.Combine(venv, "lib");
            return Directory.Exists(lib)
                ? Directory.GetDirectories(lib, "python*").Select(d => Path.Combine(d, "site-packages")).Where(Directory.Exists).ToList()
                : (IEnumerable<string>)Array.Empty<string>();
        }

        private static InstalledPackage? ReadEntry(string entry, string sitePackages, string environmentName, string root)
        {
            string? metadata = null;
            var requested = false;
            var installer = "";
            if (entry.EndsWith(".dist-info", StringComparison.OrdinalIgnoreCase) && Directory.Exists(entry))
            {
                metadata = Path.Combine(entry, "METADATA");
                requested = File.Exists(Path.Combine(entry, "REQUESTED"));
                var installerFile = Path.Combine(entry, "INSTALLER");
                installer = File.Exists(installerFile) ? File.ReadLines(installerFile).FirstOrDefault()?.Trim() ?? "" : "";
            }
            else if (entry.EndsWith(".egg-info", StringComparison.OrdinalIgnoreCase))
            {
                metadata = Directory.Exists(entry) ? Path.Combine(entry, "PKG-INFO") : entry;
            }

            if (metadata == null || !File.Exists(metadata))
            {
                return null;
            }

            string? name = null, version = null;
            foreach (var line in File.ReadLines(metadata))
            {
                if (line.Length == 0)
                {
                    break; // the headers end at the first blank line; the description follows
                }

                if (name == null && line.StartsWith("Name:", StringComparison.OrdinalIgnoreCase))
                {
                    name = line.Substring(5).Trim();
                }
                else if (version == null && line.StartsWith("Version:", StringComparison.OrdinalIgnoreCase))
                {
                    version = line.Substring(8).Trim();
                }

                if (name != null && version != null)
                {
                    break;
                }
            }

            return name == null || version == null ? null : new InstalledPackage(name, version, requested, installer, sitePackages, environmentName, root);
        }
    }
}
