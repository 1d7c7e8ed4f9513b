using System;
using System.Collections.Generic;
using System.IO;
using CodeEnv.Store;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// Which stored wheel was built from which sdist, for which interpreter: <c>builds/&lt;sdist sha256&gt;/&lt;tag&gt;.json</c>
    /// in the package store names the wheel's sha256, so an sdist is built once per kind of interpreter and every later env
    /// that needs it links the wheel. The tag is the interpreter's most preferred wheel tag (its implementation, ABI and
    /// platform): a build may differ between interpreters, so none is shared across them. A record whose wheel a prune
    /// removed is no record; the sdist is built again.
    /// </summary>
    internal sealed class SdistBuilds
    {
        private readonly PackageStore store;

        public SdistBuilds(PackageStore store)
        {
            this.store = store;
        }

        internal string Folder => Path.Combine(store.Folder, "builds");

        /// <summary>The wheel built from the sdist <paramref name="sdistSha256"/> for interpreters of <paramref name="tag"/>, or null when none is stored.</summary>
        public StoredWheel? Find(string sdistSha256, string tag)
        {
            var record = RecordFile(sdistSha256, tag);
            if (record == null || !File.Exists(record))
            {
                return null;
            }

            var built = Json.Deserialize<SdistBuild>(File.ReadAllText(record));
            return built?.WheelSha256 == null ? null : store.Find(built.WheelSha256);
        }

        /// <summary>Records that <paramref name="wheel"/> (already in the store) was built from the sdist <paramref name="sdistSha256"/> for <paramref name="tag"/>.</summary>
        public void Remember(string sdistSha256, string sdistFileName, string tag, StoredWheel wheel)
        {
            var record = RecordFile(sdistSha256, tag) ?? throw new ArgumentException($"'{sdistSha256}' is not a sha256 or '{tag}' not a wheel tag.");
            Directory.CreateDirectory(Path.GetDirectoryName(record)!);
            StoreModes.MakeFolder(Path.GetDirectoryName(record)!);
            AtomicFile.WriteAllText(record, Json.Serialize(new SdistBuild { SdistFileName = sdistFileName, SdistSha256 = sdistSha256, Tag = tag, WheelFileName = wheel.FileName, WheelSha256 = wheel.Sha256 }), StoreModes.ReadOnlyFile);
        }

        /// <summary>Every record: which wheel (sha256) was built from which sdist (sha256), and the record's own file.</summary>
        public IEnumerable<(string SdistSha256, string WheelSha256, string Record)> All()
        {
            if (!Directory.Exists(Folder))
            {
                yield break;
            }

            foreach (var sdist in Directory.GetDirectories(Folder))
            {
                foreach (var record in Directory.GetFiles(sdist, "*.json"))
                {
                    var built = Json.Deserialize<SdistBuild>(File.ReadAllText(record));
                    if (built?.WheelSha256 != null)
                    {
                        yield return (Path.GetFileName(sdist), built.WheelSha256, record);
                    }
                }
            }
        }

        // Both parts become path segments: only a hash and a tag's letters, digits, '_', '.' and '-' may.
        private string? RecordFile(string sdistSha256, string tag) =>
            RecordHash.IsSha256Hex(sdistSha256) && tag.Length > 0 && tag.Length < 200 && tag.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && tag[0] != '.'
                ? Path.Combine(Folder, sdistSha256.ToLowerInvariant(), tag + ".json")
                : null;

        /// <summary>The stored form of one build.</summary>
        private sealed class SdistBuild
        {
            public int SchemaVersion { get; set; } = 1;

            public string? SdistFileName { get; set; }

            public string? SdistSha256 { get; set; }

            public string? Tag { get; set; }

            public string? WheelFileName { get; set; }

            public string? WheelSha256 { get; set; }
        }
    }
}
