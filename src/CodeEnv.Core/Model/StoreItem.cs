using System.Collections.Generic;

namespace CodeEnv
{
    /// <summary>
    /// One wheel in a root's package store, with what it costs and who uses it (PowerShell type <c>CodeEnv.StoreItem</c>):
    /// what Get-CodeEnvStore emits and Remove-CodeEnvStoreItem takes by its <see cref="Sha256"/> and <see cref="Root"/>.
    /// </summary>
    public sealed class StoreItem
    {
        public StoreItem(string name, string version, string sha256, string fileName, long sizeBytes, IEnumerable<string> cacheTags, IEnumerable<string> usedBy, string root)
        {
            Name = name;
            Version = version;
            Sha256 = sha256;
            FileName = fileName;
            SizeBytes = sizeBytes;
            CacheTags = new ItemList<string>(cacheTags);
            UsedBy = new ItemList<string>(usedBy);
            InUse = UsedBy.Count > 0;
            Root = root;
        }

        /// <summary>The project's name, normalized (PEP 503), as the wheel's file name gives it.</summary>
        public string Name { get; }

        public string Version { get; }

        /// <summary>The sha256 of the wheel file: its key in the store and in every lock that installed it.</summary>
        public string Sha256 { get; }

        public string FileName { get; }

        /// <summary>
        /// The bytes of the wheel file, its unpacked tree and its compiled modules, each file (inode) counted once across
        /// the whole store, so the sizes of a listing add up to what the store's wheels hold on disk. Files a venv
        /// hard-links stay on disk while that venv does, whatever the store removes.
        /// </summary>
        public long SizeBytes { get; }

        /// <summary>The interpreters (cache tags such as cpython-312) its modules are compiled for.</summary>
        public ItemList<string> CacheTags { get; }

        /// <summary>The env generations whose installed set names this wheel: "etl (current)", "etl (kept 3)".</summary>
        public ItemList<string> UsedBy { get; }

        /// <summary>Whether any env generation uses it; what is not in use, a prune may remove.</summary>
        public bool InUse { get; }

        public string Root { get; }

        public override string ToString() => $"{Name} {Version} ({Sha256.Substring(0, System.Math.Min(12, Sha256.Length))})";
    }
}
