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
        public static IReadOnlyList<InstalledPackage> Read(string venv, string environmentName, string root) =>
            ReadDistributions(venv, environmentName, root, withRequirements: false).Select(d => d.Package).ToList();

        /// <summary>The distributions by name; the first found wins, as importlib.metadata decides.</summary>
        internal static IReadOnlyList<InstalledDistribution> ReadDistributions(string venv, string environmentName, string root, bool withRequirements)
        {
            var found = new Dictionary<string, InstalledDistribution>(StringComparer.Ordinal);
            foreach (var sitePackages in SitePackages(venv))
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(sitePackages).OrderBy(e => e, StringComparer.Ordinal))
                {
                    var distribution = ReadEntry(entry, sitePackages, environmentName, root, withRequirements);
                    if (distribution != null && !found.ContainsKey(Requirements.PackageName.Normalize(distribution.Package.Name)))
                    {
                        found[Requirements.PackageName.Normalize(distribution.Package.Name)] = distribution;
                    }
                }
            }

            return found.Values.OrderBy(d => d.Package.Name, StringComparer.OrdinalIgnoreCase).ToList();
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

        private static InstalledDistribution? ReadEntry(string entry, string sitePackages, string environmentName, string root, bool withRequirements)
        {
            string? metadata = null;
            string? legacyRequires = null;
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
                legacyRequires = Directory.Exists(entry) ? Path.Combine(entry, "requires.txt") : null;
            }

            if (metadata == null || !File.Exists(metadata))
            {
                return null;
            }

            string? name = null, version = null;
            var requires = new List<string>();
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

                else if (withRequirements && line.StartsWith("Requires-Dist:", StringComparison.OrdinalIgnoreCase))
                {
                    requires.Add(line.Substring(14).Trim());
                }

                if (!withRequirements && name != null && version != null)
                {
                    break;
                }
            }

            if (name == null || version == null)
            {
                return null;
            }

            if (withRequirements && legacyRequires != null && File.Exists(legacyRequires))
            {
                requires.AddRange(LegacyRequires.Read(File.ReadAllLines(legacyRequires)));
            }

            var package = new InstalledPackage(name, version, requested, installer, sitePackages, environmentName, root);
            return new InstalledDistribution(package, requires, withRequirements ? DirectUrlOf(entry) : null, metadata);
        }

        private static string? DirectUrlOf(string distInfo)
        {
            var file = Path.Combine(distInfo, "direct_url.json");
            if (!File.Exists(file))
            {
                return null;
            }

            try
            {
                return Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(file)).Value<string>("url");
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }
    }
}
