using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeEnv.Errors;
using CodeEnv.Integrity;
using CodeEnv.Packages;
using CodeEnv.Requirements;
using CodeEnv.Retention;
using CodeEnv.Wheels;

namespace CodeEnv.Operations
{
    /// <summary>
    /// Test-CodeEnv -VerifyFiles: an env's venv compared with the store trees its installed set names
    /// (<see cref="VenvFileCheck"/>), and those trees compared with their RECORDs (<see cref="StoredTreeCheck"/>), a changed
    /// store file naming every env generation that uses it. Reads and hashes; changes nothing.
    /// </summary>
    internal static class FileVerification
    {
        private const string RebuildAdvice = "Update-CodeEnv -Rebuild installs the env's set again from the package store (find out who changed it first: the venv's files are the service's or the owner's).";

        public static IReadOnlyList<FileFinding> Run(EngineContext context, string name, string venv, InstalledLock? installed)
        {
            var store = new PackageStore(context.Paths);
            var trees = new Dictionary<string, StoredTree>(StringComparer.Ordinal);
            foreach (var package in installed?.Packages ?? new List<LockedPackage>())
            {
                var sha256 = package.Artifact?.Sha256;
                if (sha256 != null && RecordHash.IsSha256Hex(sha256) && Directory.Exists(Path.Combine(store.TreesFolder, sha256)) && store.Find(sha256) != null)
                {
                    try
                    {
                        trees[PackageName.Normalize(package.Name)] = store.Tree(sha256);
                    }
                    catch (CodeEnvException e) when (e.Kind == ErrorKind.InvalidData)
                    {
                        // A tree that no longer opens is not compared with: its RECORD check below says what is wrong.
                    }
                }
            }

            var findings = VenvFileCheck.Run(venv, n => trees.TryGetValue(n, out var tree) ? tree : null, store, n => InstalledSetCheck.VenvTooling.Contains(n))
                .Select(d => Finding(name, d, d.Kind == FileFindingKind.Unverifiable
                    ? "it has no RECORD digests to compare its files with (installed without them), so its files are unverifiable."
                    : d.Kind == FileFindingKind.Extra ? "remove it, or " + RebuildAdvice
                    : RebuildAdvice))
                .ToList();

            StoreUsage? usage = null;
            foreach (var tree in trees.Values.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var changed in StoredTreeCheck.Run(tree))
                {
                    usage ??= Usage(context);
                    var users = usage?.UsersOf(tree.Sha256) ?? new string[0];
                    findings.Add(new FileFinding(
                        FileFindingKind.StoreChanged,
                        name,
                        changed.Package,
                        changed.Path,
                        changed.Expected,
                        changed.Actual,
                        $"Every venv linking it runs the changed file. As the store's owner, delete '{tree.Folder}' (the next install unpacks it again from the stored wheel, checked against its RECORD), then Update-CodeEnv -Rebuild each env named.",
                        new ItemList<string>(users.Count > 0 ? users : new[] { name })));
                }
            }

            return findings;
        }

        private static StoreUsage? Usage(EngineContext context)
        {
            try
            {
                return StoreUsage.Read(context.Paths);
            }
            catch (CodeEnvException)
            {
                return null; // a record that does not read: the finding names this env at least
            }
        }

        private static FileFinding Finding(string name, FileDifference difference, string advice) =>
            new FileFinding(difference.Kind, name, difference.Package, difference.Path, difference.Expected, difference.Actual, advice);
    }
}
