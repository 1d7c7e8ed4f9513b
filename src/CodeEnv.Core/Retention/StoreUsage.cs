using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CodeEnv.Python;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Retention
{
    /// <summary>
    /// Which env generations use which stored wheel: every env folder's current set (<c>installed.json</c>) and every kept
    /// generation's record (<c>venvs/&lt;n&gt;.installed.json</c>), by the sha256 each locked package's artifact names.
    /// Read from the env folders themselves, not from the list of valid env definitions, so an env whose env.json is
    /// damaged still keeps what its venvs use. A record that cannot be read is an error, never "uses nothing".
    /// </summary>
    internal sealed class StoreUsage
    {
        private readonly Dictionary<string, List<string>> users;

        private StoreUsage(Dictionary<string, List<string>> users)
        {
            this.users = users;
        }

        /// <summary>Reads the usage of every env of the root at <paramref name="paths"/>.</summary>
        public static StoreUsage Read(RootPaths paths)
        {
            var users = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            var generations = new VenvGenerations(paths);
            var envFolders = Directory.Exists(paths.EnvsFolder) ? Directory.GetDirectories(paths.EnvsFolder) : new string[0];
            foreach (var name in envFolders.Select(Path.GetFileName).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))
            {
                var current = File.Exists(paths.InstalledFile(name))
                    ? SchemaFile.Read<InstalledLock>(paths.InstalledFile(name), DocumentSchemas.Installed)
                    : null;
                var kept = generations.Kept(name);
                // The current generation's own record is the current set too (it is what installed.json was copied from).
                Use(users, $"{name} (current)", (current?.Packages ?? Enumerable.Empty<LockedPackage>()).Concat(kept.Where(k => k.IsCurrent).SelectMany(k => k.Installed.Packages)));
                foreach (var generation in kept.Where(k => !k.IsCurrent))
                {
                    Use(users, $"{name} (kept {generation.Generation.ToString(CultureInfo.InvariantCulture)})", generation.Installed.Packages);
                }
            }

            // A wheel built from an sdist is used by whatever uses the sdist: the locks name the sdist, as its source served it.
            foreach (var (sdist, wheel, _) in new SdistBuilds(new PackageStore(paths)).All())
            {
                if (users.TryGetValue(sdist, out var sdistUsers))
                {
                    if (!users.TryGetValue(wheel, out var wheelUsers))
                    {
                        users[wheel] = wheelUsers = new List<string>();
                    }

                    wheelUsers.AddRange(sdistUsers.Where(u => !wheelUsers.Contains(u)));
                }
            }

            return new StoreUsage(users);
        }

        /// <summary>The generations that use the wheel <paramref name="sha256"/>: by env name, each env's current set first, then its kept ones newest first.</summary>
        public IReadOnlyList<string> UsersOf(string sha256) => users.TryGetValue(sha256, out var list) ? list : (IReadOnlyList<string>)new string[0];

        private static void Use(Dictionary<string, List<string>> users, string user, IEnumerable<LockedPackage> packages)
        {
            foreach (var sha256 in packages.Select(p => p.Artifact?.Sha256).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!users.TryGetValue(sha256!, out var list))
                {
                    users[sha256!] = list = new List<string>();
                }

                list.Add(user);
            }
        }
    }
}
