using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Requirements;
using CodeEnv.Store;
using Newtonsoft.Json.Linq;

namespace CodeEnv.Advisories
{
    /// <summary>
    /// The root's offline advisory database, under <c>&lt;root&gt;/advisories/</c>: an import of OSV's bulk export for
    /// PyPI (a zip of one advisory per file) kept as one file of advisories per package name
    /// (<c>&lt;id&gt;/packages/&lt;name&gt;.json</c>), so an audit reads the advisories of the packages it meets and no
    /// others, and a <c>database.json</c> that says what was imported when. An import is written to a folder of its own
    /// and made current by one atomic write of <c>current.json</c>: an audit reads the old database or the new one, never
    /// half of one.
    /// </summary>
    public sealed class AdvisoryDatabase
    {
        /// <summary>An advisory is a few KiB; the largest in OSV's exports are well under a MiB.</summary>
        public const long MaxAdvisoryBytes = 8L * 1024 * 1024;

        /// <summary>OSV's whole PyPI export is tens of thousands of advisories; a zip that holds far more is not one.</summary>
        public const int MaxAdvisories = 1_000_000;

        private readonly string folder;
        private readonly ConcurrentDictionary<string, IReadOnlyList<OsvAdvisory>> byPackage = new ConcurrentDictionary<string, IReadOnlyList<OsvAdvisory>>(StringComparer.Ordinal);

        private AdvisoryDatabase(string folder, AdvisoryDatabaseInfo info)
        {
            this.folder = folder;
            Info = info;
        }

        public AdvisoryDatabaseInfo Info { get; }

        public static string Folder(RootPaths paths) => Path.Combine(paths.Root, "advisories");

        private static string CurrentFile(RootPaths paths) => Path.Combine(Folder(paths), "current.json");

        /// <summary>The current database, or null when none was imported.</summary>
        public static AdvisoryDatabase? Open(RootPaths paths)
        {
            var current = CurrentFile(paths);
            if (!File.Exists(current))
            {
                return null;
            }

            try
            {
                var id = (string?)JObject.Parse(File.ReadAllText(current))["folder"] ?? "";
                var folder = Path.Combine(Folder(paths), Path.GetFileName(id));
                var stored = Json.Deserialize<StoredInfo>(File.ReadAllText(Path.Combine(folder, "database.json")));
                return new AdvisoryDatabase(folder, stored.View(paths.Root));
            }
            catch (Exception e) when (e is IOException || e is Newtonsoft.Json.JsonException || e is UnauthorizedAccessException)
            {
                throw new CodeEnvException(ErrorIds.AdvisoryDatabaseInvalid, $"The root's advisory database ({Folder(paths)}) cannot be read: {e.Message}. Import it again with Import-CodeEnvAdvisoryDatabase.", paths.Root);
            }
        }

        /// <summary>The advisories (not withdrawn) that name the PyPI package <paramref name="packageName"/>; each package's file is read once per database.</summary>
        public IReadOnlyList<OsvAdvisory> For(string packageName) =>
            byPackage.GetOrAdd(PackageName.Normalize(packageName), name =>
            {
                var file = Path.Combine(folder, "packages", name + ".json");
                if (!PackageName.IsValid(name) || !File.Exists(file))
                {
                    return Array.Empty<OsvAdvisory>();
                }

                return JArray.Parse(File.ReadAllText(file)).Select(t => OsvAdvisory.TryRead(t, out _)).Where(a => a != null).Select(a => a!).ToList();
            });

        /// <summary>
        /// Checks the zip at <paramref name="zip"/> is an OSV export (every .json entry an advisory within bounds, at least
        /// one naming a PyPI package), writes it as the next database beside the current one and makes it current.
        /// </summary>
        public static AdvisoryDatabaseInfo Import(RootPaths paths, string zip, DateTimeOffset importedAt, string importedBy, CancellationToken cancellation)
        {
            var root = Folder(paths);
            Directory.CreateDirectory(root);
            var id = importedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var staging = Path.Combine(root, "." + id);
            try
            {
                var (byName, info) = Read(zip, importedAt, importedBy, paths.Root, cancellation);
                Directory.CreateDirectory(Path.Combine(staging, "packages"));
                foreach (var package in byName)
                {
                    cancellation.ThrowIfCancellationRequested();
                    File.WriteAllText(Path.Combine(staging, "packages", package.Key + ".json"), "[" + string.Join(",", package.Value) + "]", new UTF8Encoding(false));
                }

                File.WriteAllText(Path.Combine(staging, "database.json"), Json.Serialize(StoredInfo.Of(info)), new UTF8Encoding(false));
                var final = Path.Combine(root, id);
                Directory.Move(staging, final);
                AtomicFile.WriteAllText(CurrentFile(paths), Json.Serialize(new JObject { ["folder"] = id }));
                SweepOld(root, id);
                return info;
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }

        private static (Dictionary<string, List<string>> ByName, AdvisoryDatabaseInfo Info) Read(string zip, DateTimeOffset importedAt, string importedBy, string rootPath, CancellationToken cancellation)
        {
            var byName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var advisories = 0;
            var withdrawn = 0;
            DateTimeOffset? newest = null;
            string sha256;
            using (var sha = SHA256.Create())
            using (var file = new FileStream(zip, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                sha256 = string.Concat(sha.ComputeHash(file).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
            }

            try
            {
                using (var archive = ZipFile.OpenRead(zip))
                {
                    var entries = archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).ToList();
                    if (entries.Count > MaxAdvisories)
                    {
                        throw Invalid($"it holds {entries.Count} advisories, more than the {MaxAdvisories} any OSV export holds");
                    }

                    foreach (var entry in entries)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        var text = ReadBounded(entry);
                        var advisory = OsvAdvisory.TryParse(text, out var problem) ?? throw Invalid($"its entry '{entry.FullName}' is {problem}");
                        if (advisory.Withdrawn != null)
                        {
                            withdrawn++;
                            continue;
                        }

                        var names = advisory.PyPI.Select(a => a.PackageName).Where(PackageName.IsValid).Distinct().ToList();
                        if (names.Count == 0)
                        {
                            continue;
                        }

                        advisories++;
                        if (advisory.Modified != null && (newest == null || advisory.Modified > newest))
                        {
                            newest = advisory.Modified;
                        }

                        // Kept as the export wrote it (one line), so a later CodeEnv reads fields this one does not.
                        var compact = JToken.Parse(text).ToString(Newtonsoft.Json.Formatting.None);
                        foreach (var name in names)
                        {
                            if (!byName.TryGetValue(name, out var list))
                            {
                                byName[name] = list = new List<string>();
                            }

                            list.Add(compact);
                        }
                    }
                }
            }
            catch (InvalidDataException e)
            {
                throw Invalid("it is not a zip file (" + e.Message + ")");
            }

            if (advisories == 0)
            {
                throw Invalid("none of its entries is an advisory of a PyPI package that is not withdrawn");
            }

            return (byName, new AdvisoryDatabaseInfo(rootPath, newest, importedAt, importedBy, advisories, byName.Count, withdrawn, sha256));
        }

        private static string ReadBounded(ZipArchiveEntry entry)
        {
            if (entry.Length > MaxAdvisoryBytes)
            {
                throw Invalid($"its entry '{entry.FullName}' is {entry.Length} bytes, larger than an advisory ({MaxAdvisoryBytes / 1024 / 1024} MiB at most)");
            }

            using (var stream = entry.Open())
            using (var memory = new MemoryStream())
            {
                var buffer = new byte[81920];
                int read;
                // The declared length is the zip's word; the bytes that come out are counted too.
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (memory.Length + read > MaxAdvisoryBytes)
                    {
                        throw Invalid($"its entry '{entry.FullName}' unpacks to more than {MaxAdvisoryBytes / 1024 / 1024} MiB");
                    }

                    memory.Write(buffer, 0, read);
                }

                return new UTF8Encoding(false, true).GetString(memory.ToArray());
            }
        }

        private static CodeEnvException Invalid(string why) =>
            new CodeEnvException(ErrorIds.AdvisoryDatabaseInvalid, $"The file is not an OSV advisory export: {why}. Download PyPI's export on a connected machine (https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip) and import that zip as it is; the current database, if any, stays.", null);

        // Earlier databases go, but the one just replaced stays until the next import: an audit that opened it may still read it.
        private static void SweepOld(string root, string current)
        {
            var databases = Directory.GetDirectories(root).Select(Path.GetFileName).Where(n => !n.StartsWith(".", StringComparison.Ordinal) && n != current).OrderByDescending(n => n, StringComparer.Ordinal).ToList();
            foreach (var old in databases.Skip(1))
            {
                try
                {
                    Directory.Delete(Path.Combine(root, old), recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        /// <summary>database.json.</summary>
        internal sealed class StoredInfo
        {
            public DateTimeOffset? MadeAt { get; set; }

            public DateTimeOffset ImportedAt { get; set; }

            public string ImportedBy { get; set; } = "";

            public int Advisories { get; set; }

            public int Packages { get; set; }

            public int Withdrawn { get; set; }

            public string Sha256 { get; set; } = "";

            public static StoredInfo Of(AdvisoryDatabaseInfo info) => new StoredInfo { MadeAt = info.MadeAt, ImportedAt = info.ImportedAt, ImportedBy = info.ImportedBy, Advisories = info.Advisories, Packages = info.Packages, Withdrawn = info.Withdrawn, Sha256 = info.Sha256 };

            public AdvisoryDatabaseInfo View(string root) => new AdvisoryDatabaseInfo(root, MadeAt, ImportedAt, ImportedBy, Advisories, Packages, Withdrawn, Sha256);
        }
    }
}
