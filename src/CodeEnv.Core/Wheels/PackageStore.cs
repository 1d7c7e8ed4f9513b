using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using CodeEnv.Errors;
using CodeEnv.Store;

namespace CodeEnv.Wheels
{
    /// <summary>
    /// A root's package store (<see cref="RootPaths.PackageStore"/>), content-addressed by sha256:
    /// <c>artifacts/&lt;sha256&gt;/&lt;file name&gt;</c> holds each wheel once, <c>trees/&lt;sha256&gt;/</c> each wheel
    /// unpacked once and checked against its RECORD, <c>bytecode/&lt;sha256&gt;/&lt;cache tag&gt;/</c> a tree's compiled
    /// modules for one kind of interpreter. Everything is built in <c>tmp/</c> beside its place and renamed into it, so no
    /// reader sees a half-written artifact or tree, and two processes adding the same wheel both succeed with one copy.
    /// Files are read-only and folders 0755 (<see cref="StoreModes"/>): venvs hard-link them, and must not be able to
    /// change them. Owned by whoever runs the engine (the service account on a served root, where the store folder itself
    /// is 0700: users reach a stored file only through a venv that links it and that they may read).
    /// </summary>
    public sealed class PackageStore
    {
        // The trees this instance has read: a published tree never changes, and one install asks for each tree twice (its
        // METADATA while choosing, its files while linking), each time reading a RECORD of thousands of rows.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StoredTree> opened = new System.Collections.Concurrent.ConcurrentDictionary<string, StoredTree>(StringComparer.OrdinalIgnoreCase);

        public PackageStore(string folder)
        {
            Folder = Path.GetFullPath(folder);
        }

        public PackageStore(RootPaths paths)
            : this(paths.PackageStore)
        {
        }

        public string Folder { get; }

        internal string ArtifactsFolder => Path.Combine(Folder, "artifacts");

        internal string TreesFolder => Path.Combine(Folder, "trees");

        internal string BytecodeFolder => Path.Combine(Folder, "bytecode");

        /// <summary>What interpreters said of their venvs' install schemes (<see cref="InstallSchemeProbe"/>).</summary>
        internal string SchemesFolder => Path.Combine(Folder, "schemes");

        /// <summary>The files the installer writes alike into many venvs (<see cref="Written"/>), each content once, by its sha256.</summary>
        internal string WrittenFolder => Path.Combine(Folder, "written");

        /// <summary>Where artifacts, trees and bytecode are built before they are renamed into place: the same file system.</summary>
        internal string StagingFolder => Path.Combine(Folder, "tmp");

        /// <summary>The lock file of the store's lease (<see cref="Lease"/>); its holders record themselves beside it.</summary>
        internal string LeaseFile => Path.Combine(Folder, "lease.lock");

        /// <summary>
        /// The store's lease, held shared: an install holds it from the moment it chooses stored wheels (Add, Find, Tree,
        /// bytecode) until its new generation's record (<c>venvs/&lt;n&gt;.installed.json</c>) is written, and a prune, which
        /// holds it exclusively while it decides and deletes, then sees that record and keeps what it names. Installs hold
        /// it side by side; one waits while a prune runs, up to <paramref name="timeout"/> (then CodeEnvBusy naming the
        /// prune). In the installer:
        /// <code>
        /// using (store.Lease(LockHolder.ThisProcess("Update-CodeEnv", user, now), timeout, cancellation, reporter))
        /// {
        ///     // choose and add wheels, unpack trees, compile, link the generation, write its record
        /// }
        /// </code>
        /// A record written after the lease ends leaves a window in which a prune may remove what the generation linked.
        /// </summary>
        public FileLease Lease(LockHolder holder, TimeSpan timeout, CancellationToken cancellation, IOperationReporter? reporter = null) =>
            FileLease.Acquire(LeaseFile, LeaseMode.Shared, holder, timeout, LeaseSubject, cancellation, reporter);

        /// <summary>The store's lease held alone: what a prune holds while it decides and deletes (see Retention/StorePrune).</summary>
        internal FileLease LeaseExclusively(LockHolder holder, TimeSpan timeout, CancellationToken cancellation, IOperationReporter? reporter = null) =>
            FileLease.Acquire(LeaseFile, LeaseMode.Exclusive, holder, timeout, LeaseSubject, cancellation, reporter);

        private string LeaseSubject => $"The package store '{Folder}'";

        /// <summary>Adds the wheel at <paramref name="wheelPath"/>; a wheel the store already holds (the same bytes) is not copied again.</summary>
        public StoredWheel Add(string wheelPath)
        {
            var fileName = WheelFileName.Parse(Path.GetFileName(wheelPath));
            if (!File.Exists(wheelPath) || !FileKind.IsRegularFile(wheelPath))
            {
                throw new CodeEnvException(ErrorIds.PackageArchiveNotFound, $"There is no wheel file at '{wheelPath}'.", wheelPath);
            }

            // Read once to learn its identity: a wheel the store holds costs a read, not a copy.
            string sha256;
            using (var file = OpenRead(wheelPath))
            using (var sha = SHA256.Create())
            {
                sha256 = RecordHash.Hex(sha.ComputeHash(file));
            }

            var known = Find(sha256);
            if (known != null)
            {
                return known;
            }

            using (var file = OpenRead(wheelPath))
            {
                return Store(file, fileName);
            }
        }

        /// <summary>Adds a wheel from <paramref name="content"/>, read to its end, under <paramref name="fileName"/>.</summary>
        public StoredWheel Add(Stream content, string fileName) => Store(content, WheelFileName.Parse(fileName));

        /// <summary>The stored wheel whose sha256 is <paramref name="sha256"/>, or null when the store does not hold it.</summary>
        public StoredWheel? Find(string sha256)
        {
            if (!RecordHash.IsSha256Hex(sha256))
            {
                return null;
            }

            var folder = Path.Combine(ArtifactsFolder, sha256);
            var file = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.whl").FirstOrDefault() : null;
            return file != null && WheelFileName.TryParse(Path.GetFileName(file), out var name) ? new StoredWheel(sha256, file, name!) : null;
        }

        /// <summary>
        /// The unpacked tree of the stored wheel <paramref name="sha256"/>, unpacked and checked the first time it is asked
        /// for. StoredWheelNotFound when the store does not hold the wheel; WheelInvalid, WheelRecordMismatch or
        /// WheelPathUnsafe, naming the file and what is wrong, when the wheel cannot be used.
        /// </summary>
        public StoredTree Tree(string sha256)
        {
            var wheel = Find(sha256) ?? throw new CodeEnvException(
                ErrorIds.StoredWheelNotFound,
                $"The package store '{Folder}' holds no wheel with sha256 {sha256}. Add the wheel to the store first.",
                sha256);
            var fileName = WheelFileName.Parse(wheel.FileName);
            var tree = Path.Combine(TreesFolder, sha256);
            if (Directory.Exists(tree))
            {
                return opened.GetOrAdd(sha256, _ => StoredTree.Open(sha256, tree, fileName));
            }

            var staging = NewStaging();
            try
            {
                TreeUnpacker.Unpack(wheel, staging);
                // Read before it is published: a tree whose WHEEL or METADATA is not the wheel's never reaches trees/.
                var unpacked = StoredTree.Open(sha256, staging, fileName);
                Publish(staging, tree);
                return opened.GetOrAdd(sha256, unpacked.MovedTo(tree));
            }
            finally
            {
                Discard(staging);
            }
        }

        /// <summary>
        /// The store's read-only file of <paramref name="content"/>, written once. What the installer writes into a venv
        /// (a wheel's INSTALLER, its rewritten RECORD, its direct_url.json) is the same in every venv of the same layout
        /// and is never changed in place (pip replaces or unlinks it), so venvs link one file instead of each holding a
        /// block of its own: a RECORD is kilobytes per package, thousands of rows for a large one. A prune removes the
        /// files no venv links any more.
        /// </summary>
        internal string Written(byte[] content)
        {
            string sha256;
            using (var hash = SHA256.Create())
            {
                sha256 = RecordHash.Hex(hash.ComputeHash(content));
            }

            var path = Path.Combine(WrittenFolder, sha256);
            if (File.Exists(path))
            {
                return path;
            }

            var staging = NewStaging();
            try
            {
                var file = Path.Combine(staging, sha256);
                File.WriteAllBytes(file, content);
                StoreModes.MakeReadOnly(file, executable: false);
                Durability.Flush(staging);
                Directory.CreateDirectory(WrittenFolder);
                try
                {
                    File.Move(file, path);
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Another install wrote the same content first: the file is addressed by its hash, so theirs is this one.
                }

                return path;
            }
            finally
            {
                Discard(staging);
            }
        }

        /// <summary>Where the compiled modules of <paramref name="tree"/> for interpreters of <paramref name="cacheTag"/> are, once compiled.</summary>
        internal string Bytecode(StoredTree tree, string cacheTag) => Path.Combine(BytecodeFolder, tree.Sha256, cacheTag);

        /// <summary>A new, empty folder in <see cref="StagingFolder"/>.</summary>
        internal string NewStaging()
        {
            var staging = Path.Combine(StagingFolder, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(staging);
            return staging;
        }

        /// <summary>
        /// Renames a complete <paramref name="staging"/> folder to <paramref name="destination"/>, made durable first. When
        /// another process put the same content there first, its copy stays and this one is left for <see cref="Discard"/>.
        /// </summary>
        internal static void Publish(string staging, string destination)
        {
            StoreModes.MakeFolder(staging);
            Durability.Flush(staging);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                Directory.Move(staging, destination);
            }
            catch (IOException) when (Directory.Exists(destination))
            {
                // Another adder won: the content is addressed by its hash, so theirs is this one.
            }
        }

        /// <summary>Deletes a staging folder, if it is still there; read-only files go with it, as their folders are writable.</summary>
        internal static void Discard(string staging)
        {
            try
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Left in tmp/, which nothing reads.
            }
        }

        private StoredWheel Store(Stream content, WheelFileName fileName)
        {
            var staging = NewStaging();
            try
            {
                var file = Path.Combine(staging, fileName.FileName);
                string sha256;
                using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        hash.AppendData(buffer, 0, read);
                        output.Write(buffer, 0, read);
                    }

                    sha256 = RecordHash.Hex(hash.GetHashAndReset());
                }

                StoreModes.MakeReadOnly(file, executable: false);
                var destination = Path.Combine(ArtifactsFolder, sha256);
                if (!Directory.Exists(destination))
                {
                    Publish(staging, destination);
                }

                return Find(sha256) ?? throw new IOException($"The wheel '{fileName.FileName}' was stored as '{destination}' and then could not be read there.");
            }
            finally
            {
                Discard(staging);
            }
        }

        private static FileStream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }
}
