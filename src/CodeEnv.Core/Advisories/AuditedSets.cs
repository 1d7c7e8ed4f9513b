using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CodeEnv.Python;
using CodeEnv.Store;

namespace CodeEnv.Advisories
{
    /// <summary>
    /// The sets of an env an audit reads, from the records CodeEnv keeps: the current set (installed.json; a venv
    /// never updated by CodeEnv, such as a registered one, is read from its metadata), and with history every kept venv
    /// generation's record and every set recorded for a revision (installed/&lt;rev&gt;.json), which Restore-CodeEnv
    /// switches back to or rebuilds.
    /// </summary>
    internal static class AuditedSets
    {
        public static IReadOnlyList<AuditedSet> Read(RootPaths paths, EnvironmentStore store, string canonicalName, string servingVenv, bool includeHistory)
        {
            var sets = new List<AuditedSet>();
            var installed = store.ReadInstalled(canonicalName);
            if (installed != null)
            {
                sets.Add(new AuditedSet("current", true, Of(installed.Packages)));
            }
            else if (Directory.Exists(servingVenv))
            {
                sets.Add(new AuditedSet("current", true, InstalledPackageReader.Read(servingVenv, canonicalName, paths.Root).Select(p => (p.Name, p.Version)).ToList()));
            }

            if (!includeHistory)
            {
                return sets;
            }

            foreach (var kept in new VenvGenerations(paths).Kept(canonicalName).Where(k => !k.IsCurrent).OrderByDescending(k => k.Generation))
            {
                sets.Add(new AuditedSet("kept " + kept.Generation.ToString(CultureInfo.InvariantCulture), false, Of(kept.Installed.Packages)));
            }

            var revisions = Directory.Exists(paths.InstalledHistoryFolder(canonicalName))
                ? Directory.GetFiles(paths.InstalledHistoryFolder(canonicalName), "*.json")
                    .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : -1)
                    .Where(r => r >= 0)
                    .OrderByDescending(r => r)
                : Enumerable.Empty<int>();
            foreach (var revision in revisions)
            {
                var record = store.ReadInstalledOf(canonicalName, revision);
                if (record != null)
                {
                    sets.Add(new AuditedSet("revision " + revision.ToString(CultureInfo.InvariantCulture), false, Of(record.Packages)));
                }
            }

            return sets;
        }

        private static IReadOnlyList<(string Name, string Version)> Of(IEnumerable<LockedPackage> packages) => packages.Select(p => (p.Name, p.Version)).ToList();
    }
}
