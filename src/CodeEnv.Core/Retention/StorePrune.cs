using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Store;
using CodeEnv.Wheels;

namespace CodeEnv.Retention
{
    /// <summary>
    /// Removes wheels from a package store that no env generation uses, and sweeps what interrupted work left. It holds
    /// the store's lease exclusively from before it reads who uses what until the last deletion, so an install (which
    /// holds the lease shared from choosing its wheels until its generation's record is written) either finished and
    /// recorded its wheels before the prune read the records, or starts after the prune ended and finds the store as the
    /// prune left it. A wheel goes tree first, then its compiled modules, then the wheel file, each renamed out of the
    /// store into staging in one step before it is deleted: a prune cut short never leaves a half-deleted tree where an
    /// install would take it for whole, and what it left in staging the next sweep removes.
    /// </summary>
    internal static class StorePrune
    {
        /// <summary>
        /// How old a staging folder must be before a sweep takes it for a leftover: far longer than any add, unpack or
        /// compile takes, so a sweep never pulls the floor from under work that does not hold the lease.
        /// </summary>
        public static readonly TimeSpan StagingAge = TimeSpan.FromHours(1);

        public static StoreRemoval Run(PackageStore store, RootPaths paths, IReadOnlyList<string> sha256s, bool sweep, LockHolder me, TimeSpan timeout, DateTimeOffset now, CancellationToken cancellation, IOperationReporter reporter)
        {
            using (store.LeaseExclusively(me, timeout, cancellation, reporter))
            {
                var items = StoreInventory.Read(store, StoreUsage.Read(paths), paths.Root).ToDictionary(i => i.Sha256, StringComparer.OrdinalIgnoreCase);
                var removed = new List<StoreItem>();
                var refused = new List<ErrorData>();
                long bytes = 0;
                foreach (var sha256 in sha256s.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    cancellation.ThrowIfCancellationRequested();
                    if (!items.TryGetValue(sha256, out var item))
                    {
                        refused.Add(ErrorData.Of(new CodeEnvException(
                            ErrorIds.StoredWheelNotFound,
                            $"The package store of '{paths.Root}' holds no wheel with sha256 '{sha256}'. Get-CodeEnvStore lists what it holds.",
                            sha256)));
                    }
                    else if (item.InUse)
                    {
                        refused.Add(ErrorData.Of(new CodeEnvException(
                            ErrorIds.StoredWheelInUse,
                            $"The stored wheel {item.FileName} ({item.Sha256}) is used by {string.Join(", ", item.UsedBy)}, so it stays. It can be removed once no env generation uses it: after those envs are updated without it and their kept venvs are gone (Set-CodeEnvRoot -KeptVenvs).",
                            item.Sha256)));
                    }
                    else
                    {
                        Retire(store, Path.Combine(store.TreesFolder, item.Sha256));
                        Retire(store, Path.Combine(store.BytecodeFolder, item.Sha256));
                        Retire(store, Path.Combine(store.ArtifactsFolder, item.Sha256));
                        removed.Add(item);
                        bytes += item.SizeBytes;
                        reporter.Verbose($"Removed {item.FileName} ({item.Sha256}) from the package store: {item.SizeBytes} bytes.");
                    }
                }

                int staging = 0, orphans = 0;
                if (sweep)
                {
                    bytes += Sweep(store, now, reporter, out staging, out orphans);
                }

                return new StoreRemoval(removed, refused, staging, orphans, bytes);
            }
        }

        // Staging folders older than StagingAge, and trees and compiled modules whose wheel is gone. Returns their bytes.
        private static long Sweep(PackageStore store, DateTimeOffset now, IOperationReporter reporter, out int staging, out int orphans)
        {
            var counted = new HashSet<(ulong, ulong)>();
            long bytes = 0;
            staging = 0;
            orphans = 0;
            foreach (var entry in Entries(store.StagingFolder))
            {
                if (now.UtcDateTime - Directory.GetLastWriteTimeUtc(entry) < StagingAge)
                {
                    continue;
                }

                bytes += Directory.Exists(entry) ? StoreInventory.SizeOf(entry, counted) : new FileInfo(entry).Length;
                if (Directory.Exists(entry))
                {
                    PackageStore.Discard(entry);
                }
                else
                {
                    File.Delete(entry);
                }

                staging++;
            }

            foreach (var folder in Entries(store.TreesFolder).Concat(Entries(store.BytecodeFolder)))
            {
                if (!Directory.Exists(Path.Combine(store.ArtifactsFolder, Path.GetFileName(folder))))
                {
                    bytes += StoreInventory.SizeOf(folder, counted);
                    Retire(store, folder);
                    orphans++;
                }
            }

            // A build record whose wheel is gone names nothing: the sdist is built again when an env needs it.
            foreach (var (_, wheel, record) in new SdistBuilds(store).All().ToList())
            {
                if (!Directory.Exists(Path.Combine(store.ArtifactsFolder, wheel)))
                {
                    File.Delete(record);
                    orphans++;
                }
            }

            // A file the installer wrote alike into venvs that no venv links any more: only the store names it.
            foreach (var written in Directory.Exists(store.WrittenFolder) ? Directory.GetFiles(store.WrittenFolder) : new string[0])
            {
                if (FileKind.LinkCountOf(written) == 1)
                {
                    bytes += new FileInfo(written).Length;
                    File.Delete(written);
                    orphans++;
                }
            }

            if (staging + orphans > 0)
            {
                reporter.Verbose($"Swept {staging} staging leftover(s) older than {StagingAge.TotalHours:0.#} h and {orphans} tree(s) or compiled module folder(s) of wheels no longer stored: {bytes} bytes.");
            }

            return bytes;
        }

        /// <summary>Takes <paramref name="folder"/> out of the store in one rename, then deletes it; a deletion cut short is left in staging for the next sweep.</summary>
        private static void Retire(PackageStore store, string folder)
        {
            if (!Directory.Exists(folder))
            {
                return;
            }

            Directory.CreateDirectory(store.StagingFolder);
            var away = Path.Combine(store.StagingFolder, "pruned-" + Guid.NewGuid().ToString("N"));
            Directory.Move(folder, away);
            PackageStore.Discard(away);
        }

        private static IEnumerable<string> Entries(string folder) => Directory.Exists(folder) ? Directory.GetFileSystemEntries(folder) : new string[0];
    }
}
